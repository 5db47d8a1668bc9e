package com.hongda.cms.prospect;

import com.hongda.cms.workflow.NumericSubjects;
import org.springframework.stereotype.Component;

/** Resolves workflow subjects of type PROSPECT. */
@Component
class ProspectSubjects extends NumericSubjects<Prospect> {
    ProspectSubjects(ProspectRepository prospects) {
        super(Prospects.SUBJECT, Prospect.class, "Prospect", prospects::findAllById, Prospect::getId);
    }
}
