package com.hongda.cms.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up, in every profile: makes sure an engine group exists for every {@link Role}, and,
 * if {@code ADMIN_USERNAME} and {@code ADMIN_PASSWORD} are set and that user does not exist yet,
 * creates it as ADMIN. This is how a fresh deployment gets its first user; an existing user is
 * never touched, so restarting with the variables still set changes nothing.
 */
@Component
@Order(0)
public class IdentityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identityService;
    private final Logins logins;
    private final String adminUsername;
    private final String adminPassword;

    IdentityBootstrap(IdentityService identityService, Logins logins,
                      @Value("${ADMIN_USERNAME:}") String adminUsername,
                      @Value("${ADMIN_PASSWORD:}") String adminPassword) {
        this.identityService = identityService;
        this.logins = logins;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            if (identityService.createGroupQuery().groupId(role.name()).count() == 0) {
                Group group = identityService.newGroup(role.name());
                group.setName(role.name());
                group.setType("ROLE");
                identityService.saveGroup(group);
            }
        }
        if (!adminUsername.isBlank() && !adminPassword.isBlank()) {
            if (identityService.createUserQuery().userId(adminUsername).count() == 0) {
                createUser(adminUsername, adminUsername, adminPassword, Role.ADMIN);
                log.info("Created the administrator '{}' from ADMIN_USERNAME", adminUsername);
            }
        }
    }

    /**
     * Creates an engine user holding the given roles, each grant recorded like any other (reason
     * BOOTSTRAP, by {@code system}). Unlike {@code createUser} through the API, the password is not
     * one its owner must change: this is the first administrator's (and the demo users') own.
     */
    @Transactional
    public void createUser(String id, String name, String password, Role... roles) {
        User user = identityService.newUser(id);
        user.setFirstName(name);
        user.setLastName("");
        user.setPassword(password);
        identityService.saveUser(user);
        for (Role role : roles) {
            logins.grantRole(id, role, "BOOTSTRAP", "system");
        }
    }
}
