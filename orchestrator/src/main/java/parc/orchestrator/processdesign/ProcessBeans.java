package parc.orchestrator.processdesign;

import java.util.AbstractMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.BeanFactory;

/**
 * The beans the engine's expressions resolve: only the {@link ProcessVocabulary}'s, each
 * created when first asked for. Camunda's Spring integration otherwise exposes every bean
 * of the application to every expression of every deployed process, which would let a
 * designer's {@code ${...}} call anything an administrator may.
 */
class ProcessBeans extends AbstractMap<Object, Object> {

	private final ProcessVocabulary vocabulary;

	private final BeanFactory beans;

	ProcessBeans(ProcessVocabulary vocabulary, BeanFactory beans) {
		this.vocabulary = vocabulary;
		this.beans = beans;
	}

	@Override
	public boolean containsKey(Object key) {
		return key instanceof String name && this.vocabulary.expressionBeans().contains(name);
	}

	@Override
	public Object get(Object key) {
		return containsKey(key) ? this.beans.getBean((String) key) : null;
	}

	@Override
	public Set<Entry<Object, Object>> entrySet() {
		return this.vocabulary.expressionBeans()
			.stream()
			.map((name) -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name,
					this.beans.getBean(name)))
			.collect(Collectors.toSet());
	}

}
