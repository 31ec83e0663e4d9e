package dev.diligence.api.graphql;

import static graphql.validation.ValidationErrorType.BadValueForDefaultArg;
import static graphql.validation.ValidationErrorType.DefaultForNonNullArgument;
import static graphql.validation.ValidationErrorType.DuplicateArgumentNames;
import static graphql.validation.ValidationErrorType.DuplicateDirectiveName;
import static graphql.validation.ValidationErrorType.DuplicateFragmentName;
import static graphql.validation.ValidationErrorType.DuplicateIncrementalLabel;
import static graphql.validation.ValidationErrorType.DuplicateOperationName;
import static graphql.validation.ValidationErrorType.DuplicateVariableName;
import static graphql.validation.ValidationErrorType.FieldUndefined;
import static graphql.validation.ValidationErrorType.FieldsConflict;
import static graphql.validation.ValidationErrorType.FragmentCycle;
import static graphql.validation.ValidationErrorType.FragmentTypeConditionInvalid;
import static graphql.validation.ValidationErrorType.InlineFragmentTypeConditionInvalid;
import static graphql.validation.ValidationErrorType.InvalidFragmentType;
import static graphql.validation.ValidationErrorType.InvalidSyntax;
import static graphql.validation.ValidationErrorType.LoneAnonymousOperationViolation;
import static graphql.validation.ValidationErrorType.MaxValidationErrorsReached;
import static graphql.validation.ValidationErrorType.MisplacedDirective;
import static graphql.validation.ValidationErrorType.MissingDirectiveArgument;
import static graphql.validation.ValidationErrorType.MissingFieldArgument;
import static graphql.validation.ValidationErrorType.NonExecutableDefinition;
import static graphql.validation.ValidationErrorType.NonInputTypeOnVariable;
import static graphql.validation.ValidationErrorType.NullValueForNonNullArgument;
import static graphql.validation.ValidationErrorType.SubscriptionIntrospectionRootField;
import static graphql.validation.ValidationErrorType.SubscriptionMultipleRootFields;
import static graphql.validation.ValidationErrorType.SubselectionNotAllowed;
import static graphql.validation.ValidationErrorType.SubselectionRequired;
import static graphql.validation.ValidationErrorType.UndefinedFragment;
import static graphql.validation.ValidationErrorType.UndefinedVariable;
import static graphql.validation.ValidationErrorType.UniqueObjectFieldName;
import static graphql.validation.ValidationErrorType.UnknownArgument;
import static graphql.validation.ValidationErrorType.UnknownDirective;
import static graphql.validation.ValidationErrorType.UnknownOperation;
import static graphql.validation.ValidationErrorType.UnknownType;
import static graphql.validation.ValidationErrorType.UnusedFragment;
import static graphql.validation.ValidationErrorType.UnusedVariable;
import static graphql.validation.ValidationErrorType.VariableNotAllowed;
import static graphql.validation.ValidationErrorType.VariableTypeMismatch;
import static graphql.validation.ValidationErrorType.WrongType;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.UnknownOperationException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorClassification;
import java.util.Map;
import java.util.Set;

/**
 * A request error classified {@code ValidationError} whose message names only what the document
 * wrote. graphql-java's validation messages (its {@code i18n/Validation.properties}) name schema
 * types, arguments and enum values for some kinds, e.g. {@code Field 'nam' in type 'Fund' is undefined}
 * for {@code { funds { nodes { nam } } }}. Kinds whose every message interpolates only names the
 * document wrote keep their message; any other kind, including one a later graphql-java adds, gets
 * graphql-java's prefix (the kind and the query path, which holds names from the document) and a
 * fixed phrase of this class. graphql-java checks variable values after the document, with messages
 * that name the types of input fields and enums ({@code Invalid input for enum 'FundStrategy'});
 * those get one fixed phrase, at the variable's definition. The kind, the locations and the
 * extensions stay, so the classification is still {@code ValidationError}. Any other error is
 * returned as it is: an unknown operation name (the request's own text) and every error not
 * classified {@code ValidationError}.
 */
final class DocumentOnlyValidationError {

    /** Kinds whose graphql-java 25 messages interpolate names and values from the document only. */
    private static final Set<ValidationErrorClassification> DOCUMENT_ONLY = Set.of(
            MaxValidationErrorsReached,
            InvalidSyntax,
            UnknownType,
            UnknownArgument,
            UnknownDirective,
            UnknownOperation,
            UndefinedFragment,
            UndefinedVariable,
            UnusedFragment,
            UnusedVariable,
            FragmentCycle,
            NonInputTypeOnVariable,
            InlineFragmentTypeConditionInvalid,
            FragmentTypeConditionInvalid,
            LoneAnonymousOperationViolation,
            NonExecutableDefinition,
            DuplicateOperationName,
            DuplicateFragmentName,
            DuplicateDirectiveName,
            DuplicateArgumentNames,
            DuplicateIncrementalLabel,
            DuplicateVariableName,
            NullValueForNonNullArgument,
            SubscriptionMultipleRootFields,
            SubscriptionIntrospectionRootField,
            UniqueObjectFieldName);

    /** Phrases of the kinds whose graphql-java messages name the schema; none names anything. */
    private static final Map<ValidationErrorClassification, String> PHRASES = Map.ofEntries(
            Map.entry(FieldUndefined, "The field is undefined"),
            Map.entry(WrongType, "The value of the argument is not valid"),
            Map.entry(MissingFieldArgument, "A required argument of the field is missing"),
            Map.entry(MissingDirectiveArgument, "A required argument of the directive is missing"),
            Map.entry(SubselectionRequired, "The field needs a selection of subfields"),
            Map.entry(SubselectionNotAllowed, "The field allows no selection of subfields"),
            Map.entry(FieldsConflict, "Selections of the same response key conflict"),
            Map.entry(VariableTypeMismatch, "The type of the variable does not fit where it is used"),
            Map.entry(InvalidFragmentType, "The fragment can never apply here"),
            Map.entry(MisplacedDirective, "The directive is not allowed here"),
            Map.entry(BadValueForDefaultArg, "The default value of the variable is not valid"),
            Map.entry(DefaultForNonNullArgument, "A default value is not allowed here"),
            Map.entry(VariableNotAllowed, "A variable is not allowed here"));

    private static final String ANY_OTHER_KIND = "The document is not valid here";

    private static final String VARIABLE_VALUES =
            "The value of a variable does not fit the type the document declares for it";

    private DocumentOnlyValidationError() {}

    static GraphQLError of(GraphQLError error) {
        if (error instanceof ValidationError validation) {
            return of(validation);
        }
        if (error.getErrorType() != ErrorType.ValidationError || error instanceof UnknownOperationException) {
            return error;
        }
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.ValidationError)
                .message(VARIABLE_VALUES)
                .locations(error.getLocations())
                .extensions(error.getExtensions())
                .build();
    }

    private static ValidationError of(ValidationError error) {
        ValidationErrorClassification kind = error.getValidationErrorType();
        if (DOCUMENT_ONLY.contains(kind)) {
            return error;
        }
        return ValidationError.newValidationError()
                .validationErrorType(kind)
                .queryPath(error.getQueryPath())
                .sourceLocations(error.getLocations())
                .extensions(error.getExtensions())
                .description(prefix(kind, error) + PHRASES.getOrDefault(kind, ANY_OTHER_KIND))
                .build();
    }

    /** graphql-java's own prefix: {@code Validation error (FieldUndefined@[funds/nodes/nam]) : }. */
    private static String prefix(ValidationErrorClassification kind, ValidationError error) {
        String path = error.getQueryPath().isEmpty() ? "" : "@[" + String.join("/", error.getQueryPath()) + "]";
        return "Validation error (" + kind + path + ") : ";
    }
}
