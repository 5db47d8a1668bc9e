package com.hongda.cms.complaint;

/** Where a complaint stands: being handled (response, resolution, approval), waiting for the call-back, or closed. */
public enum ComplaintState {
    HANDLING, CALLBACK, CLOSED
}
