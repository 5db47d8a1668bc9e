package com.hongda.cms.common;

/** Urban or rural territory; drives a manager's customer capacity (docs/rules.md#capacity-by-territory). */
public enum Region { URBAN, RURAL }
