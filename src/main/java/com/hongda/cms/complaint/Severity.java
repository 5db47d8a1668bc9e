package com.hongda.cms.complaint;

/** How serious the complaint is. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
