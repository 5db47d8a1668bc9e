package com.hongda.cms.recruitment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    Optional<Application> findByProcessInstanceId(String processInstanceId);

    boolean existsByOpenCandidate(String openCandidate);
}
