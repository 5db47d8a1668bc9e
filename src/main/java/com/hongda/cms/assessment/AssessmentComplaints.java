package com.hongda.cms.assessment;

import com.hongda.cms.manager.SubstantiatedComplaint;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records substantiated complaints as they are reported, once each, in the reporter's transaction. */
@Component
class AssessmentComplaints {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AssessmentComplaints(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(SubstantiatedComplaint complaint) {
        Integer known = jdbc.queryForObject("select count(*) from assessment_complaint where reference = ?", Integer.class,
                complaint.reference());
        if (known != null && known == 0) {
            jdbc.update("insert into assessment_complaint (manager_id, occurred_on, reference, recorded_at) values (?, ?, ?, ?)",
                    complaint.managerId(), Date.valueOf(complaint.occurredOn()), complaint.reference(), Timestamp.from(clock.instant()));
        }
    }
}
