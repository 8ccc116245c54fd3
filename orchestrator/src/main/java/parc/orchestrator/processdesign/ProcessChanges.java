package parc.orchestrator.processdesign;

import java.util.List;

/**
 * How a version differs from another (the shipped one), element by element.
 *
 * @param key the process
 * @param version the version compared
 * @param baseVersion the version it is compared with
 * @param added elements only the version has
 * @param removed elements only the base has
 * @param changed elements both have, with what differs
 */
public record ProcessChanges(String key, int version, int baseVersion, List<Element> added, List<Element> removed,
		List<Element> changed) {

	/**
	 * One element.
	 *
	 * @param id its id
	 * @param type its BPMN type ({@code userTask})
	 * @param name its label, or null
	 * @param differences for a changed element: each difference, in words
	 */
	public record Element(String id, String type, String name, List<String> differences) {
	}

	public boolean identical() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
	}

}
