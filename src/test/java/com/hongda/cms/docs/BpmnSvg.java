package com.hongda.cms.docs;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws a BPMN model as SVG from its diagram interchange (shape bounds, edge waypoints, label
 * bounds where the model has them), in the notation people know from modelers: tasks as rounded
 * rectangles with their names, events as circles (end events thick, timers with a clock, boundary
 * events on their host, dashed when they do not interrupt), gateways as diamonds with their marker,
 * expanded sub-processes as large rounded rectangles, multi-instance markers, sequence flows with
 * arrowheads and names. The output depends on the model only, so it can be committed and compared.
 */
final class BpmnSvg {

    private static final double FONT_SIZE = 12;
    /** Average advance of a character at {@link #FONT_SIZE} in a sans-serif font, for wrapping. */
    private static final double CHAR_WIDTH = 6.0;
    private static final double LINE_HEIGHT = 14;
    private static final double MARGIN = 30;

    private final StringBuilder body = new StringBuilder();
    private Collection<BpmnShape> shapes = List.of();
    private Collection<BpmnEdge> edges = List.of();
    private double minX = Double.MAX_VALUE;
    private double minY = Double.MAX_VALUE;
    private double maxX = -Double.MAX_VALUE;
    private double maxY = -Double.MAX_VALUE;

    private BpmnSvg() {
    }

    /** The SVG of the model read from {@code bpmn}. */
    static String render(InputStream bpmn) {
        BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
        return new BpmnSvg().draw(model);
    }

    private String draw(BpmnModelInstance model) {
        shapes = model.getModelElementsByType(BpmnShape.class);
        edges = model.getModelElementsByType(BpmnEdge.class);
        // Back to front: containers, flows, nodes, boundary events on their hosts, flow names on top.
        for (BpmnShape shape : shapes) {
            if (shape.getBpmnElement() instanceof SubProcess sub && isExpanded(shape)) {
                expandedSubProcess(shape, sub);
            }
        }
        for (BpmnEdge edge : edges) {
            flow(edge);
        }
        for (BpmnShape shape : shapes) {
            BaseElement element = shape.getBpmnElement();
            if (element instanceof SubProcess && isExpanded(shape) || element instanceof BoundaryEvent) {
                continue;
            }
            node(shape, element);
        }
        for (BpmnShape shape : shapes) {
            if (shape.getBpmnElement() instanceof BoundaryEvent event) {
                event(shape, event);
            }
        }
        for (BpmnEdge edge : edges) {
            flowName(edge);
        }
        return document(title(model));
    }

    private String document(String title) {
        double x = minX - MARGIN;
        double y = minY - MARGIN;
        double width = maxX - minX + 2 * MARGIN;
        double height = maxY - minY + 2 * MARGIN;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + n(x) + " " + n(y) + " " + n(width) + " "
                + n(height) + "\" width=\"" + n(width) + "\" height=\"" + n(height) + "\""
                + " font-family=\"Arial, Helvetica, sans-serif\" font-size=\"" + n(FONT_SIZE) + "\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<defs>\n"
                + "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"10\" markerHeight=\"10\""
                + " markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#222\"/></marker>\n"
                + "</defs>\n"
                + "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(width) + "\" height=\"" + n(height)
                + "\" fill=\"#fff\"/>\n"
                + body
                + "</svg>\n";
    }

    private static String title(BpmnModelInstance model) {
        List<String> names = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            names.add(process.getName() != null ? process.getName() : process.getId());
        }
        return String.join(", ", names);
    }

    private static boolean isExpanded(BpmnShape shape) {
        return shape.isExpanded() || shape.getBounds().getWidth() > 200;
    }

    // ---- nodes ----

    private void node(BpmnShape shape, BaseElement element) {
        if (element instanceof Event event) {
            event(shape, event);
        } else if (element instanceof Gateway gateway) {
            gateway(shape, gateway);
        } else if (element instanceof Activity activity) {
            activity(shape, activity);
        }
    }

    private void activity(BpmnShape shape, Activity activity) {
        Box b = place(shape);
        double x = b.x();
        double y = b.y();
        double w = b.w();
        double h = b.h();
        double stroke = activity instanceof CallActivity ? 4 : 2;
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" rx=\"10\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"")
                .append(n(stroke)).append("\"/>\n");
        taskIcon(activity, x + 6, y + 6);
        List<String> lines = wrap(name(activity), w - 12);
        // Centred; a long name starts near the top so that it stays clear of markers and boundary events.
        double top = Math.min(y + h / 2 - (lines.size() - 1) * LINE_HEIGHT / 2 + FONT_SIZE / 3,
                y + h - 24 - (lines.size() - 1) * LINE_HEIGHT);
        text(lines, x + w / 2, Math.max(top, y + FONT_SIZE + 4), "middle");
        double markerX = x + w / 2;
        double markerY = y + h - 16;
        if (activity instanceof SubProcess) {
            body.append("<rect x=\"").append(n(markerX - 7)).append("\" y=\"").append(n(markerY)).append("\" width=\"14\""
                    + " height=\"14\" fill=\"none\" stroke=\"#222\"/>\n");
            path("M" + n(markerX - 4) + "," + n(markerY + 7) + " h8 M" + n(markerX) + "," + n(markerY + 3) + " v8", 1.5);
        } else {
            loopMarker(activity, markerX, markerY);
        }
    }

    private void expandedSubProcess(BpmnShape shape, SubProcess sub) {
        Bounds b = shape.getBounds();
        extend(b.getX(), b.getY(), b.getX() + b.getWidth(), b.getY() + b.getHeight());
        body.append("<rect x=\"").append(n(b.getX())).append("\" y=\"").append(n(b.getY())).append("\" width=\"")
                .append(n(b.getWidth())).append("\" height=\"").append(n(b.getHeight()))
                .append("\" rx=\"12\" fill=\"#fafafa\" stroke=\"#222\" stroke-width=\"2\"/>\n");
        text(List.of(name(sub)), b.getX() + 10, b.getY() + 18, "start", "bold");
        loopMarker(sub, b.getX() + b.getWidth() / 2, b.getY() + b.getHeight() - 16);
    }

    /** Three bars for a multi-instance: upright when parallel, lying when sequential. */
    private void loopMarker(Activity activity, double cx, double y) {
        if (activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi) {
            StringBuilder d = new StringBuilder();
            for (int i = -1; i <= 1; i++) {
                if (mi.isSequential()) {
                    d.append("M").append(n(cx - 6)).append(",").append(n(y + 3 + (i + 1) * 4)).append(" h12 ");
                } else {
                    d.append("M").append(n(cx + i * 4)).append(",").append(n(y + 1)).append(" v12 ");
                }
            }
            path(d.toString().trim(), 2);
        }
    }

    /** The small sign in a task's corner: a person, a gear, a table or a script. */
    private void taskIcon(Activity activity, double x, double y) {
        if (activity instanceof UserTask) {
            body.append("<g fill=\"none\" stroke=\"#222\" stroke-width=\"1.2\"><circle cx=\"").append(n(x + 7))
                    .append("\" cy=\"").append(n(y + 4)).append("\" r=\"3.5\"/><path d=\"M").append(n(x))
                    .append(",").append(n(y + 15)).append(" c0,-7 14,-7 14,0\"/></g>\n");
        } else if (activity instanceof ServiceTask) {
            body.append("<g fill=\"none\" stroke=\"#222\"><circle cx=\"").append(n(x + 7)).append("\" cy=\"")
                    .append(n(y + 7)).append("\" r=\"5.5\" stroke-width=\"3\" stroke-dasharray=\"2.2 2.1\"/>"
                            + "<circle cx=\"").append(n(x + 7)).append("\" cy=\"").append(n(y + 7))
                    .append("\" r=\"2.2\" stroke-width=\"1.2\"/></g>\n");
        } else if (activity instanceof BusinessRuleTask) {
            body.append("<g fill=\"none\" stroke=\"#222\" stroke-width=\"1\"><rect x=\"").append(n(x)).append("\" y=\"")
                    .append(n(y + 1)).append("\" width=\"16\" height=\"12\"/><path d=\"M").append(n(x)).append(",")
                    .append(n(y + 5)).append(" h16 M").append(n(x)).append(",").append(n(y + 9)).append(" h16 M")
                    .append(n(x + 5)).append(",").append(n(y + 5)).append(" v8\"/><rect x=\"").append(n(x))
                    .append("\" y=\"").append(n(y + 1)).append("\" width=\"16\" height=\"4\" fill=\"#222\"/></g>\n");
        } else if (activity instanceof ScriptTask) {
            body.append("<g fill=\"none\" stroke=\"#222\" stroke-width=\"1\"><rect x=\"").append(n(x + 2))
                    .append("\" y=\"").append(n(y)).append("\" width=\"12\" height=\"15\"/><path d=\"M")
                    .append(n(x + 4)).append(",").append(n(y + 4)).append(" h8 M").append(n(x + 4)).append(",")
                    .append(n(y + 8)).append(" h8 M").append(n(x + 4)).append(",").append(n(y + 12))
                    .append(" h8\"/></g>\n");
        }
    }

    private void event(BpmnShape shape, Event event) {
        Bounds b = shape.getBounds();
        double r = b.getWidth() / 2;
        double cx = b.getX() + r;
        double cy = b.getY() + r;
        extend(b.getX(), b.getY(), b.getX() + b.getWidth(), b.getY() + b.getHeight());
        boolean interrupting = !(event instanceof BoundaryEvent boundary) || boundary.cancelActivity();
        String dash = interrupting ? "" : " stroke-dasharray=\"5 3\"";
        if (event instanceof StartEvent) {
            circle(cx, cy, r, 2, dash);
        } else if (event instanceof EndEvent) {
            circle(cx, cy, r, 4, dash);
        } else {
            circle(cx, cy, r, 1.5, dash);
            circle(cx, cy, r - 3, 1.5, dash);
        }
        if (event.getChildElementsByType(TimerEventDefinition.class).size() > 0) {
            clock(cx, cy, r - 7);
        }
        String name = name(event);
        if (name.isEmpty()) {
            return;
        }
        if (event instanceof BoundaryEvent) {
            // Below and to the right, clear of the flow that usually leaves the event downwards.
            label(shape, name, cx + r * 0.7 + 4, b.getY() + b.getHeight() + FONT_SIZE, "start", 110);
        } else {
            label(shape, name, cx, b.getY() + b.getHeight() + FONT_SIZE + 2, "middle", 110);
        }
    }

    private void clock(double cx, double cy, double r) {
        StringBuilder d = new StringBuilder();
        for (int hour = 0; hour < 12; hour++) {
            double a = Math.toRadians(hour * 30);
            d.append("M").append(n(cx + Math.sin(a) * r * 0.78)).append(",").append(n(cy - Math.cos(a) * r * 0.78))
                    .append(" L").append(n(cx + Math.sin(a) * r)).append(",").append(n(cy - Math.cos(a) * r)).append(" ");
        }
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"1.5\"/>\n");
        path(d.toString().trim(), 1);
        path("M" + n(cx) + "," + n(cy) + " L" + n(cx) + "," + n(cy - r * 0.7) + " M" + n(cx) + "," + n(cy) + " L"
                + n(cx + r * 0.5) + "," + n(cy + r * 0.1), 1.5);
    }

    private void gateway(BpmnShape shape, Gateway gateway) {
        Box b = place(shape);
        double cx = b.x() + b.w() / 2;
        double cy = b.y() + b.h() / 2;
        body.append("<path d=\"M").append(n(cx)).append(",").append(n(b.y()))
                .append(" L").append(n(b.x() + b.w())).append(",").append(n(cy))
                .append(" L").append(n(cx)).append(",").append(n(b.y() + b.h()))
                .append(" L").append(n(b.x())).append(",").append(n(cy))
                .append(" z\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"2\"/>\n");
        double m = b.w() * 0.22;
        if (gateway instanceof ExclusiveGateway && shape.isMarkerVisible()) {
            path("M" + n(cx - m * 0.75) + "," + n(cy - m) + " L" + n(cx + m * 0.75) + "," + n(cy + m) + " M"
                    + n(cx + m * 0.75) + "," + n(cy - m) + " L" + n(cx - m * 0.75) + "," + n(cy + m), 4);
        } else if (gateway instanceof ParallelGateway) {
            path("M" + n(cx) + "," + n(cy - m * 1.1) + " L" + n(cx) + "," + n(cy + m * 1.1) + " M" + n(cx - m * 1.1)
                    + "," + n(cy) + " L" + n(cx + m * 1.1) + "," + n(cy), 4);
        } else if (gateway instanceof InclusiveGateway) {
            circle(cx, cy, m, 3, "");
        } else if (gateway instanceof EventBasedGateway) {
            circle(cx, cy, m * 1.1, 1, "");
            circle(cx, cy, m * 0.85, 1, "");
        }
        String name = name(gateway);
        if (name.isEmpty()) {
            return;
        }
        // Below, above, left or right where no flow uses that corner, else in a free quarter around it;
        // never on another shape.
        List<String> lines = wrap(name, 110);
        double up = (lines.size() - 1) * LINE_HEIGHT;
        List<Object[]> places = new ArrayList<>();
        if (!touches(gateway, cx, b.y() + b.h())) {
            places.add(new Object[] {cx, b.y() + b.h() + FONT_SIZE + 2, "middle"});
        }
        if (!touches(gateway, cx, b.y())) {
            places.add(new Object[] {cx, b.y() - 6 - up, "middle"});
        }
        if (!touches(gateway, b.x(), cy)) {
            places.add(new Object[] {b.x() - 4, cy + 4 - up / 2, "end"});
        }
        if (!touches(gateway, b.x() + b.w(), cy)) {
            places.add(new Object[] {b.x() + b.w() + 4, cy + 4 - up / 2, "start"});
        }
        places.add(new Object[] {b.x() + b.w() / 4 - 2, b.y() - 4 - up, "end"});
        places.add(new Object[] {b.x() + b.w() * 3 / 4 + 2, b.y() - 4 - up, "start"});
        places.add(new Object[] {b.x() + b.w() / 4 - 2, b.y() + b.h() + FONT_SIZE - 4, "end"});
        places.add(new Object[] {b.x() + b.w() * 3 / 4 + 2, b.y() + b.h() + FONT_SIZE - 4, "start"});
        Object[] chosen = places.get(places.size() - 1);
        for (Object[] place : places) {
            if (!onAShape(lines, (double) place[0], (double) place[1], (String) place[2], shape)) {
                chosen = place;
                break;
            }
        }
        label(shape, name, (double) chosen[0], (double) chosen[1], (String) chosen[2], 110);
    }

    /**
     * Whether text placed so would cover a node other than {@code own}, or the name below an event
     * (containers do not count).
     */
    private boolean onAShape(List<String> lines, double x, double y, String anchor, BpmnShape own) {
        double[] box = textBox(lines, x, y, anchor);
        for (BpmnShape shape : shapes) {
            BaseElement element = shape.getBpmnElement();
            if (shape == own || element instanceof SubProcess && isExpanded(shape)) {
                continue;
            }
            Bounds b = shape.getBounds();
            if (overlap(box, new double[] {b.getX(), b.getY(), b.getX() + b.getWidth(), b.getY() + b.getHeight()})) {
                return true;
            }
            if (element instanceof Event && !(element instanceof BoundaryEvent) && !name(element).isEmpty()
                    && overlap(box, textBox(wrap(name(element), 110), b.getX() + b.getWidth() / 2,
                            b.getY() + b.getHeight() + FONT_SIZE + 2, "middle"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
    }

    /** Left, top, right, bottom of lines of text from baseline {@code y}. */
    private static double[] textBox(List<String> lines, double x, double y, String anchor) {
        double widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, line.length() * CHAR_WIDTH);
        }
        double left = switch (anchor) {
            case "middle" -> x - widest / 2;
            case "end" -> x - widest;
            default -> x;
        };
        return new double[] {left, y - FONT_SIZE, left + widest, y + (lines.size() - 1) * LINE_HEIGHT + 3};
    }

    /** Whether a sequence flow of {@code node} starts or ends at the point. */
    private boolean touches(FlowNode node, double px, double py) {
        for (BpmnEdge edge : edges) {
            if (edge.getBpmnElement() instanceof SequenceFlow flow
                    && (flow.getSource() == node || flow.getTarget() == node)) {
                List<double[]> points = points(edge);
                for (double[] end : List.of(points.get(0), points.get(points.size() - 1))) {
                    if (Math.abs(end[0] - px) < 3 && Math.abs(end[1] - py) < 3) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---- flows ----

    private void flow(BpmnEdge edge) {
        List<double[]> points = points(edge);
        if (points.size() < 2) {
            return;
        }
        StringBuilder d = new StringBuilder();
        for (double[] p : points) {
            extend(p[0], p[1], p[0], p[1]);
            d.append(d.length() == 0 ? "M" : " L").append(n(p[0])).append(",").append(n(p[1]));
        }
        body.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\""
                + " stroke-linejoin=\"round\" marker-end=\"url(#arrow)\"/>\n");
        if (edge.getBpmnElement() instanceof SequenceFlow flow && isDefault(flow)) {
            // The default flow of a gateway or activity: a short slash across its start.
            double[] a = points.get(0);
            double[] b = points.get(1);
            double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double ux = (b[0] - a[0]) / len;
            double uy = (b[1] - a[1]) / len;
            double mx = a[0] + ux * 10;
            double my = a[1] + uy * 10;
            path("M" + n(mx - ux * 4 - uy * 5) + "," + n(my - uy * 4 + ux * 5) + " L" + n(mx + ux * 4 + uy * 5) + ","
                    + n(my + uy * 4 - ux * 5), 1.5);
        }
    }

    private void flowName(BpmnEdge edge) {
        if (!(edge.getBpmnElement() instanceof FlowElement element) || name(element).isEmpty()) {
            return;
        }
        List<double[]> points = points(edge);
        if (points.size() < 2) {
            return;
        }
        // Beside the first segment, near the source when it runs across: where a reader looks for a
        // gateway's answer.
        double[] a = points.get(0);
        double[] b = points.get(1);
        Bounds bounds = edge.getBpmnLabel() == null ? null : edge.getBpmnLabel().getBounds();
        if (Math.abs(b[0] - a[0]) < Math.abs(b[1] - a[1])) {
            label(bounds, name(element), a[0] + 6, (a[1] + b[1]) / 2 + FONT_SIZE / 3, "start", 120);
        } else if (b[0] >= a[0]) {
            label(bounds, name(element), a[0] + 6, a[1] - 6, "start", 120);
        } else {
            label(bounds, name(element), a[0] - 6, a[1] - 6, "end", 120);
        }
    }

    private static boolean isDefault(SequenceFlow flow) {
        FlowNode source = flow.getSource();
        String attribute = source.getAttributeValue("default");
        return attribute != null && attribute.equals(flow.getId());
    }

    private static List<double[]> points(BpmnEdge edge) {
        List<double[]> points = new ArrayList<>();
        for (Waypoint w : edge.getWaypoints()) {
            points.add(new double[] {w.getX(), w.getY()});
        }
        return points;
    }

    // ---- text ----

    private void label(BpmnShape shape, String name, double x, double y, String anchor, double width) {
        label(shape.getBpmnLabel() == null ? null : shape.getBpmnLabel().getBounds(), name, x, y, anchor, width);
    }

    /** A name outside its shape: in the model's label bounds if it has them, else at the given place. */
    private void label(Bounds bounds, String name, double x, double y, String anchor, double width) {
        List<String> lines;
        if (bounds != null) {
            lines = wrap(name, Math.max(bounds.getWidth(), 40));
            x = bounds.getX() + bounds.getWidth() / 2;
            y = bounds.getY() + FONT_SIZE;
            anchor = "middle";
        } else {
            lines = wrap(name, width);
        }
        text(lines, x, y, anchor, null, true);
    }

    private void text(List<String> lines, double x, double y, String anchor) {
        text(lines, x, y, anchor, null, false);
    }

    private void text(List<String> lines, double x, double y, String anchor, String weight) {
        text(lines, x, y, anchor, weight, false);
    }

    /** Lines of text from baseline {@code y}; {@code halo} keeps it legible where it crosses a flow. */
    private void text(List<String> lines, double x, double y, String anchor, String weight, boolean halo) {
        double[] box = textBox(lines, x, y, anchor);
        extend(box[0], box[1], box[2], box[3]);
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"#222\"");
        if (weight != null) {
            body.append(" font-weight=\"").append(weight).append("\"");
        }
        if (halo) {
            body.append(" stroke=\"#fff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
        body.append(">");
        for (int i = 0; i < lines.size(); i++) {
            body.append("<tspan x=\"").append(n(x)).append("\"");
            if (i > 0) {
                body.append(" dy=\"").append(n(LINE_HEIGHT)).append("\"");
            }
            body.append(">").append(escape(lines.get(i))).append("</tspan>");
        }
        body.append("</text>\n");
    }

    /** Words into lines of at most {@code width}; a word longer than a line keeps a line of its own. */
    static List<String> wrap(String text, double width) {
        int perLine = Math.max(4, (int) Math.floor(width / CHAR_WIDTH));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String name(BaseElement element) {
        String name = element.getAttributeValue("name");
        return name == null ? "" : name.replaceAll("\\s+", " ").trim();
    }

    // ---- primitives ----

    private void circle(double cx, double cy, double r, double stroke, String extra) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"").append(n(stroke)).append("\"").append(extra)
                .append("/>\n");
    }

    private void path(String d, double stroke) {
        body.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"#222\" stroke-width=\"").append(n(stroke))
                .append("\" stroke-linecap=\"round\"/>\n");
    }

    /** Where a shape is; the picture is made large enough to hold it. */
    private Box place(BpmnShape shape) {
        Bounds b = shape.getBounds();
        extend(b.getX(), b.getY(), b.getX() + b.getWidth(), b.getY() + b.getHeight());
        return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    private record Box(double x, double y, double w, double h) {
    }

    private void extend(double x1, double y1, double x2, double y2) {
        minX = Math.min(minX, x1);
        minY = Math.min(minY, y1);
        maxX = Math.max(maxX, x2);
        maxY = Math.max(maxY, y2);
    }

    /** A number as SVG wants it, the same on every machine: whole numbers bare, else one decimal. */
    private static String n(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
