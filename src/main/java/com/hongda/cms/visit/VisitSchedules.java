package com.hongda.cms.visit;

import com.hongda.cms.customer.Customer;
import com.hongda.cms.customer.CustomerAssigned;
import com.hongda.cms.customer.CustomerTierChanged;
import com.hongda.cms.customer.Tier;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import com.hongda.cms.workflow.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each customer's {@link VisitSchedule} — last visit, next due date — when a visit is logged, the
 * customer is assigned or its tier changes, in the transaction of that change; answers the overdue
 * questions from it in a fixed number of statements; and runs the daily reminder sweep: one
 * {@code visit-reminder} per overdue customer and due date, which the next logged visit completes.
 */
@Service
public class VisitSchedules {

    static final String SWEEP_PROCESS = "visit-reminders";
    static final String REMINDER_PROCESS = "visit-reminder";
    static final String REMINDER_TASK = "visitCustomer";
    static final String CASE_TYPE = "VISIT";

    private final VisitScheduleRepository schedules;
    private final VisitFrequency frequency;
    private final ManagerService managers;
    private final CaseStarter starter;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final WorkingCalendar calendar;
    private final VisitProperties properties;
    private final Clock clock;

    VisitSchedules(VisitScheduleRepository schedules, VisitFrequency frequency, ManagerService managers,
                   CaseStarter starter, TaskService tasks, RuntimeService runtime, WorkingCalendar calendar, VisitProperties properties, Clock clock) {
        this.schedules = schedules;
        this.frequency = frequency;
        this.managers = managers;
        this.starter = starter;
        this.tasks = tasks;
        this.runtime = runtime;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** Today on the configured calendar: what "due" and "overdue" are measured against. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    /** A customer was assigned: a never visited customer's next visit is due the tier's months after this day. */
    @EventListener
    @Transactional
    public void on(CustomerAssigned assigned) {
        VisitSchedule s = lockOrCreate(assigned.customerId());
        s.assigned(assigned.managerId(), LocalDate.ofInstant(assigned.assignedAt(), calendar.zone()));
        s.dueEvery(frequency.months(assigned.tier()));
        schedules.save(s);
    }

    /** A customer's tier changed: its next visit is due the new tier's months after the last (or the assignment). */
    @EventListener
    @Transactional
    public void on(CustomerTierChanged changed) {
        schedules.findByIdForUpdate(changed.customerId()).ifPresent(s -> s.dueEvery(frequency.months(changed.after())));
    }

    /** A visit was logged: the last visit, the next due date, and the customer's open reminder completed by {@code actor}. */
    void visited(Customer customer, LocalDate on, String actor) {
        VisitSchedule s = lockOrCreate(customer.getId());
        s.visited(customer.getManagerId(), on);
        s.dueEvery(frequency.months(customer.getTier()));
        schedules.save(s);
        for (Task task : tasks.createTaskQuery().processDefinitionKey(REMINDER_PROCESS).taskDefinitionKey(REMINDER_TASK)
                .processInstanceBusinessKey(CaseStarter.businessKey(CASE_TYPE, subject(customer.getId()))).list()) {
            tasks.setAssignee(task.getId(), actor);
            tasks.complete(task.getId());
        }
    }

    /** The schedules of these customers, in one statement; customers never assigned nor visited have none. */
    @Transactional(readOnly = true)
    public Map<Long, VisitSchedule> of(Collection<Long> customerIds) {
        return customerIds.isEmpty() ? Map.of() : schedules.findAllById(customerIds.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(VisitSchedule::getCustomerId, Function.identity()));
    }

    /** Per manager, how many of their customers' visits are overdue today, in one statement (0 for none). */
    @Transactional(readOnly = true)
    public Map<Long, Integer> overdueCounts(Collection<Long> managerIds) {
        Map<Long, Integer> counts = new HashMap<>();
        managerIds.forEach(id -> counts.put(id, 0));
        if (!managerIds.isEmpty()) {
            for (Object[] row : schedules.countOverdue(managerIds, today())) {
                counts.put((Long) row[0], ((Number) row[1]).intValue());
            }
        }
        return counts;
    }

    /**
     * The manager's {@link VisitCoverage} on {@code on}: their customers assigned by that day (as they are assigned
     * now), each overdue if its next visit — the tier's months after the last visit logged by that day, else after
     * the assignment — was due before that day. One statement, and the frequency table once per tier present.
     * Not read-only: each evaluation of the table writes its decision history.
     */
    @Transactional
    public VisitCoverage coverage(long managerId, LocalDate on) {
        Map<Tier, Integer> months = new EnumMap<>(Tier.class);
        int customers = 0;
        int overdue = 0;
        for (Object[] row : schedules.portfolioOn(managerId, on)) {
            LocalDate last = (LocalDate) row[3];
            LocalDate base = last != null ? last : (LocalDate) row[2];
            int every = months.computeIfAbsent((Tier) row[1], frequency::months);
            customers++;
            if (base.plusMonths(every).isBefore(on)) {
                overdue++;
            }
        }
        return new VisitCoverage(customers, overdue);
    }

    /**
     * The daily sweep: for each customer with a manager whose next visit was due before today and who was not
     * reminded for that due date, one {@code visit-reminder} for the manager (the customer's manager's login,
     * else the SUPERVISOR group), unless one is open already; the due date is then marked reminded. At most
     * {@code cms.visit.reminder-batch} customers per run, the longest overdue first. Returns how many were reminded.
     */
    @Transactional
    public int remindOverdue() {
        List<VisitSchedule> due = schedules.unremindedOverdue(today(), PageRequest.of(0, properties.reminderBatch()));
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, CustomerManager> owners = managers.byIds(due.stream().map(VisitSchedule::getManagerId).distinct().toList());
        String[] keys = due.stream().map(s -> CaseStarter.businessKey(CASE_TYPE, subject(s.getCustomerId()))).toArray(String[]::new);
        Set<String> open = openReminders(keys);
        int started = 0;
        for (VisitSchedule s : due) {
            Subject subject = subject(s.getCustomerId());
            if (!open.contains(CaseStarter.businessKey(CASE_TYPE, subject))) {
                CustomerManager m = owners.get(s.getManagerId());
                Map<String, Object> vars = new HashMap<>();
                vars.put("customerId", s.getCustomerId());
                vars.put("managerId", s.getManagerId());
                vars.put("managerUserId", m == null ? null : m.getUserId());
                vars.put("visitDueOn", s.getNextVisitDue().toString());
                vars.put("reminderWorkingDays", properties.reminderWorkingDays());
                starter.start(REMINDER_PROCESS, CASE_TYPE, subject, vars);
                started++;
            }
            s.reminded();
        }
        return started;
    }

    /** The business keys among these that have an open reminder task: two statements for the batch. */
    private Set<String> openReminders(String[] keys) {
        Set<String> instances = tasks.createTaskQuery().processDefinitionKey(REMINDER_PROCESS).processInstanceBusinessKeyIn(keys).list()
                .stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        return instances.isEmpty() ? Set.of() : runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
                .map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
    }

    private VisitSchedule lockOrCreate(long customerId) {
        return schedules.findByIdForUpdate(customerId).orElseGet(() -> new VisitSchedule(customerId));
    }

    private static Subject subject(long customerId) {
        return new Subject(Subject.CUSTOMER, String.valueOf(customerId));
    }
}
