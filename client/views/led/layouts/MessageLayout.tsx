import { FitText } from '../../../components/FitText.tsx';

export function MessageLayout({ text }: { text: string }) {
  return <FitText text={text} className="led-message-text" testId="led-message" />;
}
