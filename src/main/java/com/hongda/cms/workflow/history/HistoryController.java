package com.hongda.cms.workflow.history;

import com.hongda.cms.common.Connection;
import com.hongda.cms.workflow.Subject;
import com.hongda.cms.workflow.history.HistoryViews.Activity;
import com.hongda.cms.workflow.history.HistoryViews.Decision;
import com.hongda.cms.workflow.history.HistoryViews.Diagram;
import com.hongda.cms.workflow.history.HistoryViews.Instance;
import com.hongda.cms.workflow.history.HistoryViews.Operation;
import com.hongda.cms.workflow.history.HistoryViews.Task;
import com.hongda.cms.workflow.history.HistoryViews.VariableChange;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The history queries and the fields of {@code HistoricProcessInstance} and {@code ProcessInstanceAudit}.
 * Only AUDITOR and ADMIN reach them; the audit sections are read only when selected.
 */
@Controller
class HistoryController {

    /**
     * Name of the data loader that reads the subjects of all instances in a response at once; the
     * {@code DataLoader} parameters below carry the same name, which is how Spring finds it.
     */
    private static final String SUBJECTS = "historicSubjects";

    private final ProcessHistory history;

    HistoryController(ProcessHistory history, BatchLoaderRegistry loaders) {
        this.history = history;
        loaders.forTypePair(String.class, Subject.class).withName(SUBJECTS)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> history.subjects(ids)));
    }

    @QueryMapping
    @PreAuthorize(HistoryAccess.READERS)
    Connection<Instance> historicProcessInstances(@Argument HistoricProcessInstanceFilter filter,
                                                        @Argument Integer first, @Argument String after) {
        return history.instances(filter, first, after);
    }

    @QueryMapping
    @PreAuthorize(HistoryAccess.READERS)
    ProcessInstanceAudit processInstanceAudit(@Argument String id) {
        return history.audit(id);
    }

    @SchemaMapping(typeName = "HistoricProcessInstance")
    CompletableFuture<String> subjectType(Instance instance, DataLoader<String, Subject> historicSubjects) {
        return subject(instance, historicSubjects, Subject::type);
    }

    @SchemaMapping(typeName = "HistoricProcessInstance")
    CompletableFuture<String> subjectId(Instance instance, DataLoader<String, Subject> historicSubjects) {
        return subject(instance, historicSubjects, Subject::id);
    }

    /** Both subject fields ask the same loader for the same key: one batch, one query, for all instances. */
    private static CompletableFuture<String> subject(Instance instance, DataLoader<String, Subject> loader,
                                                     Function<Subject, String> part) {
        return loader.load(instance.id()).thenApply(s -> s == null ? null : part.apply(s));
    }

    @SchemaMapping(typeName = "ProcessInstanceAudit")
    List<Activity> timeline(ProcessInstanceAudit audit) {
        return history.timeline(audit);
    }

    @SchemaMapping(typeName = "ProcessInstanceAudit")
    List<Task> tasks(ProcessInstanceAudit audit) {
        return history.tasks(audit);
    }

    @SchemaMapping(typeName = "ProcessInstanceAudit")
    List<VariableChange> variableChanges(ProcessInstanceAudit audit) {
        return history.variableChanges(audit);
    }

    @SchemaMapping(typeName = "ProcessInstanceAudit")
    List<Decision> decisions(ProcessInstanceAudit audit) {
        return history.decisions(audit);
    }

    @SchemaMapping(typeName = "ProcessInstanceAudit")
    List<Operation> operations(ProcessInstanceAudit audit) {
        return history.operations(audit);
    }

    @SchemaMapping(typeName = "ProcessInstanceAudit")
    List<HistoryViews.HistoricIncidentView> incidents(ProcessInstanceAudit audit) {
        return history.incidents(audit);
    }

    @SchemaMapping(typeName = "ProcessInstanceAudit")
    Diagram diagram(ProcessInstanceAudit audit) {
        return history.diagram(audit);
    }
}
