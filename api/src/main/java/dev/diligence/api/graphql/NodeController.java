package dev.diligence.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id:)}: decodes the global ID and asks the loader of its type. An ID of an unknown
 * type, a malformed ID and another tenant's ID all answer null, indistinguishably.
 */
@Controller
class NodeController {

    private final Map<String, Function<UUID, Optional<? extends NodeView>>> loaders;

    NodeController(List<NodeLoader> loaders) {
        this.loaders = loaders.stream().collect(Collectors.toUnmodifiableMap(NodeLoader::typeName, NodeLoader::load));
    }

    @QueryMapping
    NodeView node(@Argument String id) {
        return GlobalId.decode(id)
                .flatMap(globalId -> Optional.ofNullable(loaders.get(globalId.typeName()))
                        .flatMap(loader -> loader.apply(globalId.id())))
                .orElse(null);
    }
}
