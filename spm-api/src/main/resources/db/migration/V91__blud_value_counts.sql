-- A % or per-100,000 value given as the counts of a register (issue 12): numerator and denominator kept beside
-- the value computed from them (spm-rules Judgement.ratio), so that the figure is explainable.
alter table blud_value
    add column numerator   bigint check (numerator is null or numerator >= 0),
    add column denominator bigint check (denominator is null or denominator > 0),
    add constraint blud_value_counts_together check ((numerator is null) = (denominator is null));
