"use client";
/// One comment of a thread (a suggestion's or one on the text): who, when, and the text with its
/// @mentions highlighted.
import { useTranslation } from "react-i18next";
import { MentionText } from "./MentionText";

export function CommentItem({ comment }: { comment: { author: string; text: string; mentions: readonly string[]; createdAt: string } }) {
  const { i18n } = useTranslation();
  return (
    <li>
      <strong>{comment.author}</strong>{" "}
      <time dateTime={comment.createdAt}>{new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" }).format(new Date(comment.createdAt))}</time>
      <p>
        <MentionText text={comment.text} mentions={comment.mentions} />
      </p>
    </li>
  );
}
