package parc.ui.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console speaks the browser's language (French or English, English otherwise) until
 * the user picks one with the header switch ({@code ?lang=fr}); the choice is kept in a
 * cookie for a year. No controller is handed a control character
 * ({@link ControlCharacterInterceptor}, {@link ControlCharacterModule}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("parc-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction((request) -> {
			Locale best = request.getLocale();
			for (Locale candidate : SUPPORTED) {
				if (candidate.getLanguage().equals(best.getLanguage())) {
					return candidate;
				}
			}
			return Locale.ENGLISH;
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		// The agent endpoint answers agents in their protocol, with its own checks.
		registry.addInterceptor(new ControlCharacterInterceptor()).excludePathPatterns("/ocsinventory/**");
	}

	@Bean
	com.fasterxml.jackson.databind.Module controlCharacterModule() {
		return new ControlCharacterModule();
	}

}
