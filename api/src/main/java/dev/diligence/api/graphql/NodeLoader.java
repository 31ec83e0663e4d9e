package dev.diligence.api.graphql;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * How {@code node(id:)} loads objects of one GraphQL type that implements {@code Node}: one bean per
 * such type, declared by its feature's controller, e.g.
 * {@code new NodeLoader(FundView.TYPE, id -> funds.find(new FundId(id)).map(FundView::of))}.
 * Authorization is the service's that {@code load} calls; an object the caller may not see is empty.
 */
public record NodeLoader(String typeName, Function<UUID, Optional<? extends NodeView>> load) {}
