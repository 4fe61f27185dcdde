package org.dsftestbed.bpe.conformance;

import java.util.List;

import javax.mail.internet.MimeBodyPart;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * {@code MailService}: sends mails through each of the API's entry points; the JUnit test finds them among the
 * organization's captured mails by the business key in the subject.
 */
public class MailServiceCheck extends ConformanceActivity
{
	public MailServiceCheck(ProcessPluginApi api)
	{
		super(api);
	}

	/** Subject of the mails sent for a business key; {@code n} tells the entry points apart. */
	public static String subject(String businessKey, int n)
	{
		return "conformance " + businessKey + " #" + n;
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var mail = api.getMailService();
		String key = execution.getBusinessKey();
		checks.add("sendText", () -> mail.send(subject(key, 1), "plain text"))
				.add("sendTextTo", () -> mail.send(subject(key, 2), "to one", "someone@example.org"))
				.add("sendTextToMany", () -> mail.send(subject(key, 3), "to two",
						List.of("one@example.org", "two@example.org")))
				.add("sendMimeBodyPart", () ->
				{
					MimeBodyPart body = new MimeBodyPart();
					body.setText("mime body", "UTF-8");
					mail.send(subject(key, 4), body);
				})
				.add("sendWithModifier", () ->
				{
					MimeBodyPart body = new MimeBodyPart();
					body.setText("modified", "UTF-8");
					mail.send(subject(key, 5), body, m ->
					{
						try
						{
							m.setHeader("X-Conformance", key);
						}
						catch (javax.mail.MessagingException e)
						{
							throw new IllegalStateException(e);
						}
					});
				});
	}
}
