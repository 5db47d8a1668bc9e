package com.hongda.cms.security;

/**
 * A user of the system as others see them.
 *
 * @param profile phone, branch and sign-in, when the look-up that made this person read them (the
 *                people picker does, in its one statement); null otherwise, and then they are read
 *                for a whole page of people at once when asked for
 */
public record Person(String id, String name, String email, Profile profile) {

    public Person(String id, String name, String email) {
        this(id, name, email, null);
    }

    /** What the people module keeps about a person beyond the engine's user: phone, branch, how they sign in. */
    public record Profile(String phone, Long branchId, SignIn signIn) {
        static final Profile NONE = new Profile(null, null, SignIn.PASSWORD);
    }
}
