package parc.orchestrator.processdesign;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Compares two versions of a process element by element: the flow nodes and flows of the
 * process (and of its sub-processes) by id; for an element both have, its type, its
 * attributes, its flows in and out, and what it holds (expressions, timers, Camunda
 * extensions). The diagram's layout is not compared: moving a box changes nothing.
 */
final class ProcessComparison {

	private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final Set<String> CONTAINERS = Set.of("process", "subProcess", "transaction");

	private static final Set<String> NOT_COMPARED = Set.of("documentation", "extensionElements", "laneSet", "incoming",
			"outgoing");

	private ProcessComparison() {
	}

	static ProcessChanges compare(String key, int version, byte[] changed, int baseVersion, byte[] base) {
		Map<String, Element> now = elements(read(changed), key);
		Map<String, Element> before = elements(read(base), key);
		List<ProcessChanges.Element> added = new ArrayList<>();
		List<ProcessChanges.Element> removed = new ArrayList<>();
		List<ProcessChanges.Element> differing = new ArrayList<>();
		now.forEach((id, element) -> {
			Element old = before.get(id);
			if (old == null) {
				added.add(describe(element, List.of()));
			}
			else {
				List<String> differences = differences(old, element);
				if (!differences.isEmpty()) {
					differing.add(describe(element, differences));
				}
			}
		});
		before.forEach((id, element) -> {
			if (!now.containsKey(id)) {
				removed.add(describe(element, List.of()));
			}
		});
		return new ProcessChanges(key, version, baseVersion, added, removed, differing);
	}

	private static ProcessChanges.Element describe(Element element, List<String> differences) {
		String name = element.getAttribute("name");
		return new ProcessChanges.Element(element.getAttribute("id"), element.getLocalName(),
				name.isEmpty() ? null : name, differences);
	}

	private static List<String> differences(Element before, Element now) {
		List<String> differences = new ArrayList<>();
		if (!before.getLocalName().equals(now.getLocalName())) {
			differences.add("type: " + before.getLocalName() + " → " + now.getLocalName());
		}
		Map<String, String> oldAttributes = attributes(before);
		Map<String, String> newAttributes = attributes(now);
		Set<String> names = new TreeSet<>(oldAttributes.keySet());
		names.addAll(newAttributes.keySet());
		for (String name : names) {
			String was = oldAttributes.get(name);
			String is = newAttributes.get(name);
			if (!Objects.equals(was, is)) {
				differences.add(name + ": " + shown(was) + " → " + shown(is));
			}
		}
		for (String flow : List.of("incoming", "outgoing")) {
			List<String> was = texts(before, flow);
			List<String> is = texts(now, flow);
			if (!new TreeSet<>(was).equals(new TreeSet<>(is))) {
				differences.add(flow + ": " + String.join(", ", was) + " → " + String.join(", ", is));
			}
		}
		if (!content(before).equals(content(now))) {
			differences.add("its settings (expressions, timers, inputs, listeners) changed");
		}
		return differences;
	}

	private static String shown(String value) {
		return (value == null) ? "(none)" : "'" + value + "'";
	}

	/** The process's own elements and those of its sub-processes, by id, in order. */
	private static Map<String, Element> elements(Document document, String key) {
		Map<String, Element> found = new LinkedHashMap<>();
		NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
		for (int i = 0; i < processes.getLength(); i++) {
			Element process = (Element) processes.item(i);
			if (key.equals(process.getAttribute("id"))) {
				collect(process, found);
			}
		}
		return found;
	}

	private static void collect(Element container, Map<String, Element> found) {
		for (Element child : children(container)) {
			if (!NOT_COMPARED.contains(child.getLocalName()) && !child.getAttribute("id").isEmpty()) {
				found.put(child.getAttribute("id"), child);
				if (CONTAINERS.contains(child.getLocalName())) {
					collect(child, found);
				}
			}
		}
	}

	private static Map<String, String> attributes(Element element) {
		Map<String, String> attributes = new TreeMap<>();
		NamedNodeMap all = element.getAttributes();
		for (int i = 0; i < all.getLength(); i++) {
			Attr attribute = (Attr) all.item(i);
			if (!"xmlns".equals(attribute.getPrefix()) && !"xmlns".equals(attribute.getName())) {
				attributes.put(attribute.getName(), attribute.getValue());
			}
		}
		return attributes;
	}

	private static List<String> texts(Element element, String childName) {
		List<String> texts = new ArrayList<>();
		for (Element child : children(element)) {
			if (childName.equals(child.getLocalName())) {
				texts.add(child.getTextContent().trim());
			}
		}
		return texts;
	}

	/**
	 * What an element holds besides its flows and the elements compared on their own, as
	 * text that ignores prefixes and whitespace.
	 */
	private static String content(Element element) {
		StringBuilder text = new StringBuilder();
		for (Element child : children(element)) {
			String name = child.getLocalName();
			boolean comparedApart = CONTAINERS.contains(element.getLocalName()) && !child.getAttribute("id").isEmpty();
			if (!"incoming".equals(name) && !"outgoing".equals(name) && !"documentation".equals(name)
					&& !comparedApart) {
				canonical(child, text);
			}
		}
		return text.toString();
	}

	private static void canonical(Element element, StringBuilder text) {
		text.append('<').append(element.getNamespaceURI()).append(':').append(element.getLocalName());
		attributes(element).forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
		text.append('>');
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested) {
				canonical(nested, text);
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue().trim());
			}
		}
		text.append("</>");
	}

	private static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	/**
	 * Both versions were accepted by the engine already; parsed again here with no DTD,
	 * no external entity and secure processing all the same.
	 */
	private static Document read(byte[] bpmn) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			return builder.parse(new ByteArrayInputStream(bpmn));
		}
		catch (ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException ex) {
			throw new IllegalStateException("A deployed process version is not readable XML", ex);
		}
	}

}
