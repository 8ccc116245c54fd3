package parc.orchestrator.group;

/**
 * What the values of a group import are. The names are a public contract of
 * {@code POST /api/groups/imports}. A name, an IP or a MAC should single out one machine:
 * one that matches several is ambiguous and left out; an OS or a software name takes
 * every machine that has it.
 */
public enum GroupImportKind {

	NAME(true), IP(true), MAC(true), OS(false), SOFTWARE(false);

	private final boolean identifiesOne;

	GroupImportKind(boolean identifiesOne) {
		this.identifiesOne = identifiesOne;
	}

	public boolean identifiesOne() {
		return this.identifiesOne;
	}

}
