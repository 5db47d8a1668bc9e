package com.hongda.cms.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs at ERROR every job that has run out of retries: the engine makes it an incident and stops
 * running it, and someone has to act (fix the cause, then set the job's retries again). The engine
 * itself records the incident silently; the failures before it are logged by the engine's job
 * executor, concurrent ones as a single WARN line ({@link RetriedFailureLogFilter}).
 */
@Component
public class FailedJobIncidentLogger extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(FailedJobIncidentLogger.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = new ArrayList<>();
        if (configuration.getCustomIncidentHandlers() != null) {
            handlers.addAll(configuration.getCustomIncidentHandlers());
        }
        handlers.add(new Handler());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** The engine's own handler for failed jobs, plus one ERROR line. */
    static final class Handler extends DefaultIncidentHandler {

        Handler() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = super.handleIncident(context, message);
            log.error("Job {} failed and has no retries left: incident {} at activity '{}' of process instance {} "
                            + "(definition {}): {}. Fix the cause, then set the job's retries to run it again.",
                    context.getConfiguration(), incident.getId(), context.getActivityId(), incident.getProcessInstanceId(),
                    context.getProcessDefinitionId(), message);
            return incident;
        }
    }
}
