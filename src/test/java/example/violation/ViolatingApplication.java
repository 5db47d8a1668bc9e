package example.violation;

/**
 * A tiny module graph for {@code ModuleStructureTest}: two process families and the kit, where one
 * family reaches into the other. Outside the service's packages, so nothing scans it.
 */
@org.springframework.modulith.Modulithic
public class ViolatingApplication {
}
