package com.hongda.cms.assessment;

/**
 * Where one manager's result stands: waiting for its parts, scored by the scheme and waiting for the
 * supervisor, confirmed, or excluded by rule ({@link Exclusion}).
 */
public enum ResultState { PENDING, IN_PROGRESS, SCORED, CONFIRMED, EXCLUDED }
