package com.hongda.cms.workflow;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates in working days, for every family's models: {@code camunda:dueDate="${workingDays.due(reviewWorkingDays)}"}.
 * A working day is Monday to Friday, except the configured public holidays, plus the configured
 * weekend days that are worked instead (调休). Counted in the business's time zone; the time of day is kept.
 */
@Component("workingDays")
public class WorkingCalendar {

    /**
     * @param zone            time zone the calendar's days are counted in
     * @param holidays        weekdays that are not worked (public holidays)
     * @param workingWeekends Saturdays and Sundays that are worked
     */
    @ConfigurationProperties("cms.calendar")
    public record Properties(ZoneId zone, List<LocalDate> holidays, List<LocalDate> workingWeekends) {
        public Properties {
            zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            workingWeekends = workingWeekends == null ? List.of() : List.copyOf(workingWeekends);
        }
    }

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;
    private final Clock clock;

    WorkingCalendar(Properties properties, Clock clock) {
        this.zone = properties.zone();
        this.holidays = Set.copyOf(properties.holidays());
        this.workingWeekends = Set.copyOf(properties.workingWeekends());
        this.clock = clock;
    }

    /** The business's time zone, in which its days are counted. */
    public ZoneId zone() {
        return zone;
    }

    /** Now plus this many working days. */
    public Date due(int workingDays) {
        return addWorkingDays(Date.from(clock.instant()), workingDays);
    }

    public Date addWorkingDays(Date from, int days) {
        LocalDateTime t = LocalDateTime.ofInstant(from.toInstant(), zone);
        int added = 0;
        while (added < days) {
            t = t.plusDays(1);
            if (isWorkingDay(t.toLocalDate())) {
                added++;
            }
        }
        return Date.from(t.atZone(zone).toInstant());
    }

    /**
     * {@code from} plus this many hours: every hour when {@code workingDaysOnly} is false (nights, weekends
     * and holidays count); otherwise only the hours of working days count (nights count, weekends and
     * public holidays do not), so 24 hours from a Friday noon fall on Monday noon.
     */
    public Date addHours(Date from, int hours, boolean workingDaysOnly) {
        if (!workingDaysOnly) {
            return Date.from(from.toInstant().plus(java.time.Duration.ofHours(hours)));
        }
        java.time.ZonedDateTime t = from.toInstant().atZone(zone);
        long left = java.time.Duration.ofHours(hours).toSeconds();
        while (true) {
            java.time.ZonedDateTime midnight = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (isWorkingDay(t.toLocalDate())) {
                long today = java.time.Duration.between(t, midnight).toSeconds();
                if (left <= today) {
                    return Date.from(t.plusSeconds(left).toInstant());
                }
                left -= today;
            }
            t = midnight;
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend ? workingWeekends.contains(day) : !holidays.contains(day);
    }
}
