package example.violation.kit;

/** Something of the kit. */
public class Kit {
}
