package com.hongda.cms.complaint;

/** Why a complaint closed: the complainant satisfied, unreachable, or the supervisor's decision after the reopenings. */
public enum CloseReason {
    SATISFIED, UNREACHABLE, SUPERVISOR_CLOSED
}
