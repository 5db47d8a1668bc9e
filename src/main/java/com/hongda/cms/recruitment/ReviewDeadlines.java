package com.hongda.cms.recruitment;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates of the HR review steps: {@code reviewWorkingDays} working days (Monday to Friday) from
 * now, on the engine's clock so that tests can move time. Used by the model as
 * {@code ${recruitmentDeadlines.reviewDue()}} for the task due date and the reminder timer.
 */
@Component("recruitmentDeadlines")
public class ReviewDeadlines {

    private final RecruitmentProperties properties;

    ReviewDeadlines(RecruitmentProperties properties) {
        this.properties = properties;
    }

    public Date reviewDue() {
        return addWorkingDays(ClockUtil.getCurrentTime(), properties.reviewWorkingDays());
    }

    static Date addWorkingDays(Date from, int days) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDateTime t = LocalDateTime.ofInstant(from.toInstant(), zone);
        int added = 0;
        while (added < days) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return Date.from(t.atZone(zone).toInstant());
    }
}
