package com.hongda.cms.assessment;

/** The three groups of indicators; the scheme weights each (default 60 / 20 / 20). */
public enum IndicatorGroup { PERFORMANCE, BEHAVIOUR, ABILITY }
