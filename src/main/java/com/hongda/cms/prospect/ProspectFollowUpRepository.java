package com.hongda.cms.prospect;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProspectFollowUpRepository extends JpaRepository<ProspectFollowUp, Long> {

    List<ProspectFollowUp> findByProspectIdInOrderByContactedOnAscIdAsc(Collection<Long> prospectIds);
}
