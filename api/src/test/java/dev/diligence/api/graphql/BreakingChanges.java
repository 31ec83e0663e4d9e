package dev.diligence.api.graphql;

import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changes from one version of the schema (SDL) to the next that can break a client written
 * against the old one:
 * <ul>
 * <li>a type gone, or turned into another kind of type;</li>
 * <li>a field, argument, input field or enum value gone without having been {@code @deprecated} in
 * the old version;</li>
 * <li>an output field's type changed other than by becoming stricter (nullable to non-null is fine,
 * non-null to nullable or another type is breaking);</li>
 * <li>an argument's or input field's type changed other than by becoming more lenient (non-null to
 * nullable is fine, nullable to non-null is breaking), or a new required one (non-null without a
 * default) on an existing field or input type;</li>
 * <li>a union losing a member, an object or interface type no longer implementing an interface;</li>
 * <li>a scalar's {@code @specifiedBy} URL, the specification of its wire format, changed or removed
 * (adding one is not breaking). A wire format changed without a new URL does not show in the SDL.</li>
 * </ul>
 * Additions (types, optional arguments, nullable input fields, fields, enum values) are not breaking
 * here; deprecating is not breaking.
 */
final class BreakingChanges {

    private BreakingChanges() {}

    /** One message per breaking change from {@code oldSdl} to {@code newSdl}, sorted; empty if none. */
    static List<String> between(String oldSdl, String newSdl) {
        Map<String, TypeDefinition> before = types(oldSdl);
        Map<String, TypeDefinition> after = types(newSdl);
        List<String> changes = new ArrayList<>();
        before.forEach((name, old) -> {
            TypeDefinition now = after.get(name);
            if (now == null) {
                changes.add("type " + name + " was removed");
            } else if (now.getClass() != old.getClass()) {
                changes.add("type " + name + " changed kind from " + kind(old) + " to " + kind(now));
            } else {
                compare(old, now, changes);
            }
        });
        return changes.stream().sorted().toList();
    }

    private static void compare(TypeDefinition old, TypeDefinition now, List<String> changes) {
        String type = old.getName();
        if (old instanceof ImplementingTypeDefinition<?> o && now instanceof ImplementingTypeDefinition<?> n) {
            List<String> interfaces =
                    n.getImplements().stream().map(BreakingChanges::render).toList();
            o.getImplements().stream()
                    .map(BreakingChanges::render)
                    .filter(i -> !interfaces.contains(i))
                    .forEach(i -> changes.add("type " + type + " no longer implements " + i));
            Map<String, FieldDefinition> fields = byName(n.getFieldDefinitions(), FieldDefinition::getName);
            for (FieldDefinition field : o.getFieldDefinitions()) {
                String where = type + "." + field.getName();
                FieldDefinition current = fields.get(field.getName());
                if (current == null) {
                    if (!deprecated(field)) {
                        changes.add("field " + where + " was removed without being deprecated first");
                    }
                    continue;
                }
                if (!outputCompatible(field.getType(), current.getType())) {
                    changes.add("field " + where + " changed type from " + render(field.getType()) + " to "
                            + render(current.getType()));
                }
                compareInputValues(
                        "argument",
                        where,
                        field.getInputValueDefinitions(),
                        current.getInputValueDefinitions(),
                        changes);
            }
        } else if (old instanceof InputObjectTypeDefinition o && now instanceof InputObjectTypeDefinition n) {
            compareInputValues(
                    "input field", type, o.getInputValueDefinitions(), n.getInputValueDefinitions(), changes);
        } else if (old instanceof EnumTypeDefinition o && now instanceof EnumTypeDefinition n) {
            Map<String, EnumValueDefinition> values = byName(n.getEnumValueDefinitions(), EnumValueDefinition::getName);
            o.getEnumValueDefinitions().stream()
                    .filter(value -> !values.containsKey(value.getName()) && !deprecated(value))
                    .forEach(value -> changes.add("enum value " + type + "." + value.getName()
                            + " was removed without being deprecated first"));
        } else if (old instanceof ScalarTypeDefinition o && now instanceof ScalarTypeDefinition n) {
            specifiedBy(o)
                    .ifPresent(url -> specifiedBy(n)
                            .ifPresentOrElse(
                                    next -> {
                                        if (!next.equals(url)) {
                                            changes.add("scalar " + type + " changed its @specifiedBy from " + url
                                                    + " to " + next);
                                        }
                                    },
                                    () -> changes.add("scalar " + type + " no longer has @specifiedBy " + url)));
        } else if (old instanceof UnionTypeDefinition o && now instanceof UnionTypeDefinition n) {
            List<String> members =
                    n.getMemberTypes().stream().map(BreakingChanges::render).toList();
            o.getMemberTypes().stream()
                    .map(BreakingChanges::render)
                    .filter(m -> !members.contains(m))
                    .forEach(m -> changes.add("union " + type + " no longer contains " + m));
        }
    }

    /** Arguments of a field or fields of an input type: what a client sends. */
    private static void compareInputValues(
            String what,
            String owner,
            List<InputValueDefinition> old,
            List<InputValueDefinition> now,
            List<String> changes) {
        Map<String, InputValueDefinition> current = byName(now, InputValueDefinition::getName);
        Map<String, InputValueDefinition> previous = byName(old, InputValueDefinition::getName);
        for (InputValueDefinition value : old) {
            String where = owner + (what.equals("argument") ? "(" + value.getName() + ":)" : "." + value.getName());
            InputValueDefinition next = current.get(value.getName());
            if (next == null) {
                if (!deprecated(value)) {
                    changes.add(what + " " + where + " was removed without being deprecated first");
                }
            } else if (!outputCompatible(next.getType(), value.getType())) {
                // what a client may send now must include all it could send before: the reverse of output
                changes.add(what + " " + where + " changed type from " + render(value.getType()) + " to "
                        + render(next.getType()));
            } else if (!required(value) && required(next)) {
                changes.add(what + " " + where + " became required (its default value was removed)");
            }
        }
        for (InputValueDefinition value : now) {
            if (!previous.containsKey(value.getName()) && required(value)) {
                String where = owner + (what.equals("argument") ? "(" + value.getName() + ":)" : "." + value.getName());
                changes.add("new required " + what + " " + where + " (non-null without a default value)");
            }
        }
    }

    /**
     * Whether a client reading a value of type {@code now} where it expected {@code old} can go on:
     * the same named type with the same lists, and non-null wherever {@code old} was non-null.
     */
    static boolean outputCompatible(Type<?> old, Type<?> now) {
        if (now instanceof NonNullType n) {
            return outputCompatible(old instanceof NonNullType o ? o.getType() : old, n.getType());
        }
        if (old instanceof NonNullType) {
            return false;
        }
        if (now instanceof ListType n) {
            return old instanceof ListType o && outputCompatible(o.getType(), n.getType());
        }
        return old instanceof TypeName o
                && now instanceof TypeName n
                && o.getName().equals(n.getName());
    }

    private static boolean required(InputValueDefinition value) {
        return value.getType() instanceof NonNullType && value.getDefaultValue() == null;
    }

    private static Optional<String> specifiedBy(ScalarTypeDefinition scalar) {
        return scalar.getDirectives("specifiedBy").stream()
                .findFirst()
                .map(directive -> directive.getArgument("url"))
                .map(url -> ((StringValue) url.getValue()).getValue());
    }

    private static boolean deprecated(DirectivesContainer<?> element) {
        return element.getDirectives().stream().map(Directive::getName).anyMatch("deprecated"::equals);
    }

    private static Map<String, TypeDefinition> types(String sdl) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        Map<String, TypeDefinition> types = new java.util.HashMap<>(registry.types());
        types.putAll(registry.scalars());
        return types;
    }

    private static <T> Map<String, T> byName(List<T> elements, Function<T, String> name) {
        return elements.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a));
    }

    private static String kind(TypeDefinition type) {
        return type.getClass().getSimpleName().replace("TypeDefinition", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String render(Type<?> type) {
        if (type instanceof NonNullType n) {
            return render(n.getType()) + "!";
        }
        if (type instanceof ListType l) {
            return "[" + render(l.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }
}
