package com.hongda.cms.bench;

import com.hongda.cms.recruitment.BenchApplications;
import com.hongda.cms.recruitment.RecruitmentService;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * In-process Java calls to the same services, no HTTP — the ceiling: RecruitmentService.submit,
 * then TaskService claim/complete with the typed variables the GraphQL route's form validation
 * produces, each under the acting user's Spring SecurityContext and engine authentication.
 */
final class JavaRoute implements Route {

    private final RecruitmentService recruitment;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final List<Story.Step> steps = Story.steps();

    JavaRoute(RecruitmentService recruitment, TaskService tasks, RuntimeService runtime, IdentityService identity) {
        this.recruitment = recruitment;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public void lifecycle() {
        String pi = as(Story.HR, List.of("HR"), () -> BenchApp.counted("in-process submit",
                () -> recruitment.submit(BenchApplications.input(true)).getProcessInstanceId()));
        for (Story.Step step : steps) {
            List<String> groups = step.hrGroup() ? List.of("HR") : List.of("JUDGE");
            String taskId = Story.await(step.key() + " of " + pi, () -> BenchApp.counted("in-process task query", () -> {
                TaskQuery q = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step.key());
                List<Task> found = (step.hrGroup() ? q.taskCandidateGroup("HR") : q.taskCandidateUser(step.user())).list();
                return found.isEmpty() ? null : found.get(0).getId();
            }));
            as(step.user(), groups, () -> {
                BenchApp.counted("in-process claim", () -> {
                    tasks.claim(taskId, step.user());
                    return null;
                });
                BenchApp.counted("in-process complete", () -> {
                    tasks.complete(taskId, step.values());
                    return null;
                });
                return null;
            });
        }
        Story.await("end of " + pi, () -> runtime.createProcessInstanceQuery().processInstanceId(pi).count() == 0 ? Boolean.TRUE : null);
    }

    private <T> T as(String user, List<String> groups, Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                groups.stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList()));
        identity.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }
}
