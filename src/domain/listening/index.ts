/** Listening: pure helpers behind the Sentiment and Listening pages. */
export * from './terms';
export * from './items';
export { listeningView, type ListeningView, type ListeningOptions } from './from-dataset';
export { sentimentBreakdown, type SentimentBreakdown, type SentimentCounts } from './sentiment-breakdown';
