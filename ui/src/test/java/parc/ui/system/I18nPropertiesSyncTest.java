package parc.ui.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the English and French bundles complete, and every key a template uses defined.
 */
class I18nPropertiesSyncTest {

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void shouldHaveTheSameKeysInEnglishAndFrench() throws IOException {
		Set<String> english = load("messages.properties").stringPropertyNames();
		Set<String> french = load("messages_fr.properties").stringPropertyNames();

		assertThat(french).as("keys missing in messages_fr.properties")
			.containsAll(english)
			.as("keys only in messages_fr.properties")
			.hasSameSizeAs(english);
	}

	@Test
	void shouldHaveNoEmptyTranslation() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_fr.properties" }) {
			Properties properties = load(bundle);
			assertThat(properties.stringPropertyNames()).as("empty values in " + bundle)
				.allSatisfy((key) -> assertThat(properties.getProperty(key)).isNotBlank());
		}
	}

	/**
	 * Literal keys only ({@code #{machines.title}}); keys built at run time are checked
	 * by the page tests.
	 */
	@Test
	void shouldDefineEveryLiteralKeyUsedByTemplates() throws IOException {
		Set<String> defined = load("messages.properties").stringPropertyNames();
		Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*)(\\(|})");
		Set<String> used = new TreeSet<>();
		for (Resource template : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:templates/**/*.html")) {
			String html = template.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			Matcher matcher = literalKey.matcher(html);
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		}

		assertThat(used).isNotEmpty();
		assertThat(defined).as("keys used in templates but not defined").containsAll(used);
	}

}
