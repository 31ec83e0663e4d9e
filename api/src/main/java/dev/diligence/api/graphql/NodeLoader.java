package dev.diligence.api.graphql;

import java.util.Optional;
import java.util.UUID;

/** Loads objects of one GraphQL type that implements {@code Node}; one bean per such type. */
public interface NodeLoader {

    String typeName();

    /** The object with this id, if the caller may see it; authorization is the loader's service's. */
    Optional<? extends NodeView> load(UUID id);
}
