package parc.orchestrator.user.camunda;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Camunda's query criteria, evaluated in memory over Parc's few accounts and groups: an
 * unset criterion matches everything, and "like" criteria use SQL wildcards ({@code %},
 * {@code _}).
 */
final class InMemoryCriteria {

	private InMemoryCriteria() {
	}

	/**
	 * The test when the criterion is set, otherwise a predicate that accepts everything.
	 */
	static <T> Predicate<T> when(Object criterion, Predicate<T> test) {
		return (criterion != null) ? test : (candidate) -> true;
	}

	static boolean like(String likePattern, String value) {
		StringBuilder regex = new StringBuilder();
		for (char c : likePattern.toCharArray()) {
			switch (c) {
				case '%' -> regex.append(".*");
				case '_' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
	}

}
