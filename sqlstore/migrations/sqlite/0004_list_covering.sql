-- Covering list indexes.
--
-- A list by type, or by start alone, walks one of these indexes in start
-- order and tests the other filters (status, draft, fields, sides) on each
-- entry. With those columns in the index the tests read only the index,
-- and the 1.5 KB row (the JSON document) is read only for the rows of the
-- page: the rows an OFFSET skips and the rows a field or side filter
-- rejects never leave the index. The id completes the sort order
-- (start, id), so a page needs no sort of ties either.

-- +goose Up
DROP INDEX activities_type_start;
CREATE INDEX activities_type_start ON activities (type, start_at, id, draft, status, fields, sides);
DROP INDEX activities_start;
CREATE INDEX activities_start ON activities (start_at, id, draft, type, status, fields, sides);

-- +goose Down
DROP INDEX activities_start;
CREATE INDEX activities_start ON activities (start_at, id);
DROP INDEX activities_type_start;
CREATE INDEX activities_type_start ON activities (type, start_at);
