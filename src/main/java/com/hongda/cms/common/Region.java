package com.hongda.cms.common;

/** Urban or rural territory; drives a manager's customer capacity (DOMAIN.md section 9). */
public enum Region { URBAN, RURAL }
