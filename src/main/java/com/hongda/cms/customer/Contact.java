package com.hongda.cms.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A contact person of a customer. Confidential: shown in clear only to those entitled. */
@Embeddable
public record Contact(
        @Column(name = "name", nullable = false) String name,
        @Column(name = "title") String title,
        @Column(name = "phone") String phone,
        @Column(name = "email") String email) {

    /** The same contact with phone and e-mail partly hidden (客户信息保密). */
    Contact masked() {
        return new Contact(name, title, maskPhone(phone), maskEmail(email));
    }

    /**
     * Any contact text (a phone number or an e-mail address, as a complainant gives it) partly hidden the
     * way customers' contacts are: the one masking rule of the service.
     */
    public static String mask(String contact) {
        return contact == null ? null : contact.indexOf('@') > 0 ? maskEmail(contact.strip()) : maskPhone(contact.strip());
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 4) {
            return "****";
        }
        int keepStart = Math.min(3, phone.length() - 4);
        return phone.substring(0, keepStart) + "****" + phone.substring(phone.length() - 4);
    }

    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
