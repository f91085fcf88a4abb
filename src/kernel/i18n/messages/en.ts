// The kernel's words in English, the reference: what the kernel and the platforms say themselves
// (roles, languages, parse errors, argument names, the kernel's failure reasons). fi, sv and nl have
// exactly these keys (the compiler checks); no feature may claim one.
// Markup: *bold* and `code`; each renderer translates it for its platform.
export const en = {
  "app.name": "Ennakko",
  "role.CHAIR": "chair",
  "role.VICE_CHAIR": "vice-chair",
  "role.SECRETARY": "secretary",
  "role.COORDINATOR": "foresight coordinator",
  "role.MEMBER": "member",
  "role.OBSERVER": "observer",
  "lang.fi": "Finnish",
  "lang.sv": "Swedish",
  "lang.en": "English",
  "lang.nl": "Dutch",
  "form.required": "This field is required.",
  "error.INVALID_INPUT": "That did not look right ({field}). Please check and try again.",
  "error.NEEDS_CHANNEL": "This works in a channel: run it in the channel your cluster uses.",
  "error.CHANNEL_NOT_BOUND":
    "This channel is not bound to a cluster yet. A chair starts with `/cluster setup <name>`.",
  "error.NOT_A_MEMBER": "You are not a member of *{cluster}* yet. Join with `/cluster join`.",
  "error.FORBIDDEN": "Your role does not allow that. Ask the chair or the foresight coordinator.",
  "error.UNKNOWN_USER": "{user} is not a member of this cluster. Ask them to run `/cluster join` first.",
  "error.unexpected":
    "Something went wrong on our side and nothing was changed. Please try again in a moment.",
  "interaction.repeated": "I already have this one: it was handled once, and nothing more was changed.",
  "slackInstall.done":
    "Ennakko is installed in your Slack workspace. In a channel, start with `/cluster setup <name>`.",
  "slackInstall.failed":
    "The installation did not complete, and nothing was installed. Please start again from the “Add to Slack” link.",
  "slackInstall.orgWide":
    "Ennakko is installed workspace by workspace: please install it to each workspace rather than to the whole organisation.",
  "error.notDelivered": "Done, but I could not post the message in this channel. Is Ennakko invited to it?",
  "parse.empty": "Tell me what to do, e.g. `/cluster help`.",
  "parse.unknownCommand": "I don't know `{word}`. See `/cluster help`.",
  "parse.usage": "Usage: `{usage}`",
  "parse.didYouMean": "Did you mean `{usage}`?",
  "parse.badUser": "`{value}` is not a person. Mention them, e.g. `/cluster role @Maija secretary`.",
  "parse.badRole": "`{value}` is not a role. Roles: {roles}.",
  "parse.unknownAction": "That button is no longer in use. Run `/cluster help` to start again.",
  "files.sentToPersonalChat": "I sent the files to you in a personal chat with me.",
  "error.NOT_A_FORUM_MEMBER":
    "The chairs' forum is for the chairs, vice-chairs and foresight coordinators of the clusters.",
  "arg.name": "name",
  "arg.user": "@person",
  "arg.role": "role",
  "arg.term": "spring|autumn",
  "arg.MM-DD": "MM-DD",
  "arg.meeting": "meeting",
  "arg.code": "code",
} as const;
