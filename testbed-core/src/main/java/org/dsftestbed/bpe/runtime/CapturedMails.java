package org.dsftestbed.bpe.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import dev.dsf.bpe.v1.service.MailService;

/**
 * The organization's mail service: nothing leaves the testbed; every mail a plugin sends is kept, so scenarios can
 * assert on it. DSF without mail host configured only logs mails.
 */
public final class CapturedMails implements MailService
{
	/** A mail as the plugin built it. */
	public record Mail(String subject, MimeBodyPart body, MimeMessage message)
	{
		/** The body as text, or {@code null} if it is not text. */
		public String text()
		{
			try
			{
				Object content = body.getContent();
				return content instanceof String s ? s : null;
			}
			catch (Exception e)
			{
				return null;
			}
		}
	}

	private final List<Mail> mails = new ArrayList<>();

	@Override
	public void send(String subject, MimeBodyPart body, Consumer<MimeMessage> messageModifier)
	{
		try
		{
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
			message.setSubject(subject);
			message.setContent(new MimeMultipart(body));
			if (messageModifier != null)
				messageModifier.accept(message);
			synchronized (mails)
			{
				mails.add(new Mail(subject, body, message));
			}
		}
		catch (MessagingException e)
		{
			throw new IllegalStateException(e);
		}
	}

	public List<Mail> mails()
	{
		synchronized (mails)
		{
			return List.copyOf(mails);
		}
	}
}
