-- The customer-visits indicator of an assessment (docs/rules.md#assessment-score) is computed when a result is
-- scored, from the manager's visit coverage on the period's last day; the figures it read are kept on the result
-- as JSON ({"customers":12,"overdue":3}) so the auditor sees the data behind the value.
alter table assessment_result add column visit_coverage varchar(100);
