package parc.ocsagent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of an OCS message, read the way the agent's XML::Simple reads it (protocol
 * §1.8): an attribute and a child element of the same name mean the same thing, and every
 * name may repeat. Immutable.
 *
 * @param name element name, as sent (OCS names are upper case)
 * @param attributes attributes by name
 * @param text the element's own text, trimmed; empty when none
 * @param children child elements in document order
 */
public record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {

	public XmlElement {
		// Document order, as for children: Map.copyOf's order changes between JVMs.
		attributes = attributes.isEmpty() ? Map.of()
				: java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
		children = List.copyOf(children);
	}

	/** Children with this name, in order; empty when none. */
	public List<XmlElement> all(String childName) {
		return this.children.stream().filter((child) -> child.name().equals(childName)).toList();
	}

	public Optional<XmlElement> first(String childName) {
		return this.children.stream().filter((child) -> child.name().equals(childName)).findFirst();
	}

	/**
	 * The value of a field given either as a child element's text or as an attribute;
	 * empty values count as absent.
	 */
	public Optional<String> value(String field) {
		Optional<String> fromChild = first(field).map(XmlElement::text);
		Optional<String> value = fromChild.isPresent() ? fromChild : Optional.ofNullable(this.attributes.get(field));
		return value.filter((text) -> !text.isEmpty());
	}

}
