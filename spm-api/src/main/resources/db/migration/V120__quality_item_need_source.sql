-- Issue 11: who set an item's need when not the mutu input itself. Adopting a target proposal by the
-- regional head's decree (SE Mendagri 600.4/2851/ST: next year's number of citizens and minimum quality)
-- writes the proposal's goods needs as the year's quality items of the district, with the decree here
-- (number, date, proposal). Null for rows of a mutu input.
alter table quality_item add column need_source text;
