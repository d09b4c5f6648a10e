import { createContext, useContext, type ComponentType } from 'react';

// Cards areas put at the top of the home page (a professional's own offers, …). The app fills
// the context from the list of areas; the home page renders them without naming an area.
export const HomeCardsContext = createContext<readonly ComponentType[]>([]);

export function HomeCards() {
  const cards = useContext(HomeCardsContext);
  return (
    <>
      {cards.map((Card, index) => (
        <Card key={index} />
      ))}
    </>
  );
}
