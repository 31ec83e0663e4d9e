-- An unpublished assessment (draft or in review) keeps the score of its current inputs beside it,
-- stored at every save in the saving transaction, so reads show its score without scoring it again:
-- the headline columns of assessments (V014) and its rows of assessment_dimension_results, as a
-- publication stores them. Every update of an unpublished assessment clears the headline columns
-- before its score is stored again, so a stored working score is never stale, only absent (as it is
-- for drafts saved before this migration, which reads score as before until their next save).
-- Portfolio queries are unaffected: they read publications only (published_at is not null).
-- Replacing a draft's dimension rows at each save, and the publication's own at publication, needs
-- delete; the rows of a published assessment are otherwise never changed (the application's rule).
grant delete on assessment_dimension_results to ${app_role};
