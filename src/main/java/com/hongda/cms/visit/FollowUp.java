package com.hongda.cms.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** Something agreed at a visit, to be done by a day. */
@Embeddable
public class FollowUp {

    @Column(nullable = false, length = 500)
    private String action;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    protected FollowUp() {
    }

    public FollowUp(String action, LocalDate dueOn) {
        this.action = action;
        this.dueOn = dueOn;
    }

    public String getAction() { return action; }
    public LocalDate getDueOn() { return dueOn; }
}
