/** The answers to "Is it fixed?" (labels: followupAnswerLabel in labels.ts). */
export const followupAnswers = ['yes', 'partly', 'no', 'not-sure'] as const;
export type FollowupAnswer = (typeof followupAnswers)[number];
