package com.hongda.cms.branch;

import com.hongda.cms.common.Batches;
import com.hongda.cms.security.People;
import com.hongda.cms.security.Person;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The branch of a person. It lives here, not in the people module, because branches name people
 * (their heads) and people refer to branches only by id. One batch for the people of a whole answer:
 * their profiles (unless the look-up that found them read those already) and their branches.
 */
@Controller
class PersonBranchController {

    private final Branches branches;
    private final People people;

    PersonBranchController(Branches branches, People people) {
        this.branches = branches;
        this.people = people;
    }

    @BatchMapping(typeName = "Person")
    Map<Person, Branch> branch(List<Person> batch) {
        List<String> unread = batch.stream().filter(p -> p.profile() == null).map(Person::id).toList();
        Map<String, Person.Profile> read = unread.isEmpty() ? Map.of() : people.profiles(unread);
        Map<String, Long> branchOf = new HashMap<>();
        for (Person p : batch) {
            Person.Profile profile = p.profile() != null ? p.profile() : read.get(p.id());
            if (profile != null && profile.branchId() != null) {
                branchOf.put(p.id(), profile.branchId());
            }
        }
        Map<Long, Branch> found = branches.byIds(branchOf.values());
        Map<String, Branch> byPerson = new HashMap<>();
        branchOf.forEach((person, branch) -> {
            if (found.containsKey(branch)) {
                byPerson.put(person, found.get(branch));
            }
        });
        return Batches.pair(batch, Person::id, byPerson, null);
    }
}
