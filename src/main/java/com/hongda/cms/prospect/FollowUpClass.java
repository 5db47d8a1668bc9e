package com.hongda.cms.prospect;

/** How closely a prospect is followed up: the days to a result are the {@code prospect-follow-up} table's (A 7, B 15, C 30). */
public enum FollowUpClass { A, B, C }
