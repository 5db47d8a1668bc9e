package com.hongda.cms.customer;

import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who may see which customers and their contacts (客户信息保密), decided on the server:
 * <ul>
 *   <li>the roles in {@code wideReaders} see every customer; a caller with only MANAGER sees the
 *       customers assigned to them;</li>
 *   <li>contacts are in clear for the roles in {@code contactReaders}, for the assigned manager and
 *       for that manager's supervisor; everyone else gets them masked.</li>
 * </ul>
 */
@Component
class CustomerAccess {

    /** Configurable role lists, defaults in application.yml. */
    @ConfigurationProperties("cms.customers")
    record Properties(List<Role> wideReaders, List<Role> contactReaders) {
        Properties {
            wideReaders = wideReaders == null ? List.of() : List.copyOf(wideReaders);
            contactReaders = contactReaders == null ? List.of() : List.copyOf(contactReaders);
        }
    }

    private final Properties properties;
    private final ManagerService managers;

    CustomerAccess(Properties properties, ManagerService managers) {
        this.properties = properties;
        this.managers = managers;
    }

    /** True when the caller sees every customer, false when only their own. */
    boolean seesAllCustomers() {
        return CurrentUser.hasAnyRole(properties.wideReaders().toArray(Role[]::new));
    }

    /** The caller's own manager record, if they are a customer manager. */
    Optional<CustomerManager> callerAsManager() {
        return managers.findByUser(CurrentUser.id());
    }

    boolean seesAllContacts() {
        return CurrentUser.hasAnyRole(properties.contactReaders().toArray(Role[]::new));
    }
}
