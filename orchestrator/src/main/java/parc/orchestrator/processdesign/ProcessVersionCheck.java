package parc.orchestrator.processdesign;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

import parc.orchestrator.notification.NotificationVariables;

/**
 * What a process version must satisfy before the engine accepts it, whoever sends it:
 * every delegate it names is one of Parc's, every external-task topic one that Parc's
 * workers serve, every process it calls exists, it runs no Java class, script or
 * connector of its own, and the steps that give a machine its final state are still on
 * every way through it (a deployment's machine still ends {@code DONE} or
 * {@code FAILED}). Works on the engine's own parse of the file, so what is checked is
 * what would run.
 */
class ProcessVersionCheck {

	/** A problem and the element to point at. */
	record Finding(Element element, ProcessProblem problem) {
	}

	/**
	 * The step that records a machine's final state in each of Parc's processes whose
	 * states the console shows: every way through the process that ends it normally must
	 * pass it.
	 */
	static final Map<String, StateStep> STATE_STEPS = Map.of("deploy-package",
			new StateStep("recordMachineDoneDelegate", "Record the machine done", "the machine would never show DONE"),
			"deployment-phase", new StateStep("recordPhaseOutcomeDelegate", "Record the outcome",
					"the phase's outcome would never be recorded: the machine would stay in its phase"));

	record StateStep(String delegate, String label, String consequence) {
	}

	private static final Pattern DELEGATE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}$");

	private static final Pattern PLACEHOLDER = Pattern.compile("[$#]\\{[^}]*\\}");

	private static final String CAMUNDA = BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS;

	private final ProcessVocabulary vocabulary;

	ProcessVersionCheck(ProcessVocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	/**
	 * @param definitions the file's {@code bpmn:definitions}
	 * @param processExists whether a process key is deployed already or sent in the same
	 * deployment
	 */
	List<Finding> check(Element definitions, Predicate<String> processExists) {
		List<Finding> findings = new ArrayList<>();
		for (Element process : definitions.elements("process")) {
			Set<String> localIds = new HashSet<>();
			for (Element other : definitions.elements("process")) {
				localIds.add(other.attribute("id"));
			}
			walk(process, (element) -> checkElement(element, findings,
					(key) -> localIds.contains(key) || processExists.test(key)));
			StateStep step = STATE_STEPS.get(process.attribute("id"));
			if (step != null) {
				checkStateStep(process, step, findings);
			}
		}
		return findings;
	}

	private void checkElement(Element element, List<Finding> findings, Predicate<String> processExists) {
		String tag = element.getTagName();
		if (element.attributeNS(namespace(), "class") != null) {
			findings.add(finding(element,
					"runs a Java class of its own (camunda:class=\"" + element.attributeNS(namespace(), "class")
							+ "\"): Parc runs only its own delegates, named by camunda:delegateExpression, "
							+ "and the tasks of its element templates"));
		}
		String delegate = element.attributeNS(namespace(), "delegateExpression");
		if (delegate != null) {
			Matcher name = DELEGATE.matcher(delegate);
			if (!name.matches() || !this.vocabulary.delegates().contains(name.group(1))) {
				findings.add(finding(element, "names a delegate Parc does not have: " + delegate
						+ " (Parc's delegates are listed in docs/processes/designing.md)"));
			}
		}
		if ("external".equals(element.attributeNS(namespace(), "type"))) {
			checkTopic(element, findings);
		}
		if ("scriptTask".equals(tag) || ("script".equals(tag) && CAMUNDA.equals(element.getUri()))) {
			findings.add(finding(element, "runs a script inside Parc: not accepted; use an element template's "
					+ "task to run a command on the machine"));
		}
		if ("connector".equals(tag) && CAMUNDA.equals(element.getUri())) {
			findings.add(finding(element, "uses a Camunda connector, which Parc does not provide"));
		}
		if ("callActivity".equals(tag)) {
			String called = element.attribute("calledElement");
			if (called == null || called.isBlank()) {
				findings.add(finding(element, "calls no process (calledElement is empty)"));
			}
			else if (!PLACEHOLDER.matcher(called).find() && !processExists.test(called)) {
				findings.add(finding(element, "calls the process '" + called + "', which Parc does not have"));
			}
		}
	}

	private void checkTopic(Element element, List<Finding> findings) {
		String topic = element.attributeNS(namespace(), "topic");
		if (topic == null || topic.isBlank()) {
			findings.add(finding(element, "is an external task without a topic"));
			return;
		}
		Pattern served = Pattern.compile(toRegex(topic));
		if (this.vocabulary.topics().stream().noneMatch((known) -> served.matcher(known).matches())) {
			findings.add(finding(element, "has the topic '" + topic + "', which no Parc worker serves (Parc's topics: "
					+ String.join(", ", this.vocabulary.topics()) + ")"));
		}
		if (NotificationVariables.TOPIC.equals(topic)) {
			this.vocabulary.notifyStepRules()
				.problem(inputParameters(element))
				.ifPresent((problem) -> findings
					.add(finding(element, "is a notify step that could never be sent: " + problem)));
		}
	}

	/** A task's {@code camunda:inputParameter} values that are plain text, by name. */
	private static Map<String, String> inputParameters(Element element) {
		Map<String, String> inputs = new HashMap<>();
		Element extensions = element.element("extensionElements");
		Element inputOutput = (extensions != null) ? extensions.elementNS(namespace(), "inputOutput") : null;
		if (inputOutput != null) {
			for (Element parameter : inputOutput.elementsNS(namespace(), "inputParameter")) {
				if (parameter.elements().isEmpty() && parameter.attribute("name") != null) {
					inputs.put(parameter.attribute("name"), parameter.getText().strip());
				}
			}
		}
		return inputs;
	}

	/** A topic with expressions in it matches whatever they may give. */
	static String toRegex(String topic) {
		StringBuilder regex = new StringBuilder();
		Matcher placeholder = PLACEHOLDER.matcher(topic);
		int from = 0;
		while (placeholder.find()) {
			regex.append(Pattern.quote(topic.substring(from, placeholder.start()))).append(".+");
			from = placeholder.end();
		}
		return regex.append(Pattern.quote(topic.substring(from))).toString();
	}

	/**
	 * The state step must be reachable from the start, and no way that avoids it may end
	 * the process other than by an error (which the phases turn into FAILED).
	 */
	private void checkStateStep(Element process, StateStep step, List<Finding> findings) {
		FlowGraph graph = FlowGraph.of(process);
		List<Element> steps = graph.nodes()
			.stream()
			.filter((node) -> ("${" + step.delegate() + "}")
				.equals(node.attributeNS(namespace(), "delegateExpression")))
			.toList();
		if (steps.isEmpty()) {
			findings.add(finding(process, "no longer has the step '" + step.label() + "' (${" + step.delegate() + "}): "
					+ step.consequence()));
			return;
		}
		Set<Element> reached = graph.reachableFromStart(Set.of());
		for (Element found : steps) {
			if (!reached.contains(found)) {
				findings
					.add(finding(found, "can no longer be reached from the process's start: " + step.consequence()));
			}
		}
		for (Element end : graph.reachableFromStart(Set.copyOf(steps))) {
			if (graph.endsNormally(end)) {
				findings.add(
						finding(end, "ends the process without passing '" + step.label() + "': " + step.consequence()));
			}
		}
	}

	/**
	 * Camunda's extension namespace, and the older Activiti one the engine still reads.
	 */
	private static Namespace namespace() {
		return BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
	}

	private static Finding finding(Element element, String reason) {
		String id = element.attribute("id");
		String shown = (id != null) ? id : element.getTagName();
		return new Finding(element, new ProcessProblem(id, shown + " " + reason));
	}

	private static void walk(Element element, java.util.function.Consumer<Element> visit) {
		Deque<Element> open = new ArrayDeque<>(List.of(element));
		while (!open.isEmpty()) {
			Element next = open.pop();
			visit.accept(next);
			open.addAll(next.elements());
		}
	}

	/**
	 * The top level of a process as a graph: its flow nodes, its sequence flows, and an
	 * edge from each activity to its boundary events. Event sub-processes stand apart: an
	 * error caught there ends the machine FAILED.
	 */
	record FlowGraph(List<Element> nodes, Map<String, Element> byId, Map<String, List<String>> next) {

		private static final Set<String> NOT_NODES = Set.of("sequenceFlow", "documentation", "extensionElements",
				"laneSet", "textAnnotation", "association", "dataObject", "dataObjectReference", "dataStoreReference",
				"property", "ioSpecification");

		static FlowGraph of(Element process) {
			List<Element> nodes = new ArrayList<>();
			Map<String, Element> byId = new HashMap<>();
			Map<String, List<String>> next = new HashMap<>();
			for (Element child : process.elements()) {
				String tag = child.getTagName();
				boolean eventSubProcess = "subProcess".equals(tag)
						&& "true".equals(child.attribute("triggeredByEvent"));
				if (!NOT_NODES.contains(tag) && !eventSubProcess && child.attribute("id") != null) {
					nodes.add(child);
					byId.put(child.attribute("id"), child);
				}
				if ("sequenceFlow".equals(tag)) {
					next.computeIfAbsent(child.attribute("sourceRef"), (key) -> new ArrayList<>())
						.add(child.attribute("targetRef"));
				}
				if ("boundaryEvent".equals(tag)) {
					next.computeIfAbsent(child.attribute("attachedToRef"), (key) -> new ArrayList<>())
						.add(child.attribute("id"));
				}
			}
			return new FlowGraph(nodes, byId, next);
		}

		/**
		 * Every node a token may reach from a start event, not passing {@code through}.
		 */
		Set<Element> reachableFromStart(Set<Element> blocked) {
			Set<Element> seen = new HashSet<>();
			Deque<Element> open = new ArrayDeque<>();
			this.nodes.stream().filter((node) -> "startEvent".equals(node.getTagName())).forEach(open::add);
			while (!open.isEmpty()) {
				Element node = open.pop();
				if (blocked.contains(node) || !seen.add(node)) {
					continue;
				}
				for (String target : this.next.getOrDefault(node.attribute("id"), List.of())) {
					Element targetNode = this.byId.get(target);
					if (targetNode != null) {
						open.push(targetNode);
					}
				}
			}
			return seen;
		}

		/**
		 * Whether the process may end here without an error: an end event that throws no
		 * error, or any node with no way out (the engine ends such a path quietly).
		 */
		boolean endsNormally(Element node) {
			boolean noWayOut = this.next.getOrDefault(node.attribute("id"), List.of()).isEmpty();
			if (!noWayOut) {
				return false;
			}
			return node.element("errorEventDefinition") == null;
		}
	}

}
