package com.hongda.cms.complaint;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The call-back's due date, an expression of the model ({@code ${complaintSla.callbackDue()}}, for the
 * task's due date and its timer alike); public, as the engine's expressions call it by reflection.
 */
@Component("complaintSla")
public class ComplaintSla {

    private final ComplaintSteps steps;

    ComplaintSla(ComplaintSteps steps) {
        this.steps = steps;
    }

    public Date callbackDue() {
        return steps.callbackDue();
    }
}
